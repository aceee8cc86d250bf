package dev.deepbuild.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.boston;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.imdb;
import static dev.deepbuild.processor.TestSources.iris;
import static dev.deepbuild.processor.TestSources.model;
import static dev.deepbuild.processor.TestSources.replace;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @TextData}, {@code @TextVectorization}, and what texts do not take. */
class TextValidationTest {

  /** A valid model of the user's own texts, one option per line where errors point. */
  private static final String REVIEWS =
      """
      @Model
      @TextData(folder = "data/reviews",
          split = @Split(test = 0.2, validation = 0.1))
      @TextVectorization(maxTokens = 10000)
      @Train(epochs = 10,
          loss = BINARY_CROSSENTROPY)
      class Reviews {
        @Dense(units = 16, activation = RELU) Layer hidden;
        @Dense(units = 1, activation = SIGMOID) Layer positive;
      }
      """;

  private static JavaFileObject reviews(String... replacements) {
    return model("Reviews", replace(REVIEWS, replacements));
  }

  @Test
  void reviewsCompile() {
    assertThat(compile(reviews())).succeededWithoutWarnings();
  }

  @Test
  void builtinTextsNeedAVectorization() {
    JavaFileObject source = imdb("@TextVectorization(maxTokens = 10000)\n", "");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "class 'ImdbClassifier': IMDB's texts need turning into numbers for the network, and"
                + " this class has no @TextVectorization. Add it, such as"
                + " @TextVectorization(maxTokens = 10000), for a multi-hot column per word of the"
                + " 10,000 most frequent.")
        .inFile(source)
        .onLineContaining("class ImdbClassifier {");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void ownTextsNeedAVectorization() {
    JavaFileObject source = reviews("@TextVectorization(maxTokens = 10000)\n", "");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "class 'Reviews': @TextData's texts need turning into numbers for the network, and"
                + " this class has no @TextVectorization.")
        .inFile(source)
        .onLineContaining("class Reviews {");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void tableTakesNoVectorization() {
    JavaFileObject source = iris("@Standardize", "@Standardize\n@TextVectorization");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextVectorization on class 'IrisClassifier': it turns texts into numbers, but"
                + " @CsvData's samples are numbers already. Remove it.")
        .inFile(source)
        .onLineContaining("@TextVectorization");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void builtinTableTakesNoVectorization() {
    JavaFileObject source = boston("@Standardize", "@Standardize\n@TextVectorization(maxTokens = 13)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextVectorization on class 'BostonHousing': it turns texts into numbers, but"
                + " BOSTON_HOUSING's samples are 13 numbers already. Remove it.")
        .inFile(source)
        .onLineContaining("@TextVectorization");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void multiHotVocabularyIsPositive() {
    JavaFileObject source = imdb("maxTokens = 10000", "maxTokens = 0");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextVectorization(maxTokens = 0) on class 'ImdbClassifier': maxTokens is the"
                + " vocabulary's size, a multi-hot column per word, so it must be positive."
                + " Received: maxTokens=0. Set the number of most frequent words to keep, such as"
                + " maxTokens = 10000.")
        .inFile(source)
        .onLineContaining("maxTokens = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void intVocabularyHoldsPaddingOutOfVocabularyAndAWord() {
    JavaFileObject source =
        imdb("maxTokens = 10000",
            "maxTokens = 2, outputMode = INT,\n    outputSequenceLength = 200");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextVectorization(maxTokens = 2) on class 'ImdbClassifier': with outputMode = INT,"
                + " maxTokens counts the word indices, and padding (0) and words outside the"
                + " vocabulary (1) take two of them, so it is at least 3. Received: maxTokens=2."
                + " Set maxTokens to 3 or more, such as 10000.")
        .inFile(source)
        .onLineContaining("maxTokens = 2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void intNeedsASequenceLength() {
    JavaFileObject source = imdb("maxTokens = 10000", "maxTokens = 10000, outputMode = INT");
    Compilation compilation = compile(source);

    // The length is defaulted, so javac points at the annotation.
    assertThat(compilation)
        .hadErrorContaining(
            "@TextVectorization(outputSequenceLength = 0) on class 'ImdbClassifier': outputMode ="
                + " INT encodes a text as its word indices, padded or truncated to"
                + " outputSequenceLength, so it must be positive. Received:"
                + " outputSequenceLength=0. Set the number of words kept per text, such as"
                + " outputSequenceLength = 200.")
        .inFile(source)
        .onLineContaining("outputMode = INT");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void multiHotTakesNoSequenceLength() {
    JavaFileObject source =
        imdb("maxTokens = 10000", "maxTokens = 10000,\n    outputSequenceLength = 200");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextVectorization(outputSequenceLength = 200) on class 'ImdbClassifier':"
                + " outputSequenceLength is the length of outputMode = INT sequences, but MULTI_HOT"
                + " makes a column per vocabulary word, whatever a text's length. Received:"
                + " outputSequenceLength=200. Remove outputSequenceLength, or set outputMode ="
                + " INT.")
        .inFile(source)
        .onLineContaining("outputSequenceLength = 200");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void multiHotTextsAreNotStandardized() {
    JavaFileObject source = imdb("@TextVectorization", "@Standardize\n@TextVectorization");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Standardize on class 'ImdbClassifier': IMDB's texts become multi-hot columns, 1"
                + " where a text has the word and 0 where it does not, which need no scaling:"
                + " standardizing would turn each absent word into a negative number and a rare"
                + " word into a large one. Remove @Standardize.")
        .inFile(source)
        .onLineContaining("@Standardize");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void wordIndicesAreNotStandardized() {
    JavaFileObject source =
        reviews("@TextVectorization(maxTokens = 10000)",
            "@Standardize\n@TextVectorization(outputMode = INT, outputSequenceLength = 100)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Standardize on class 'Reviews': @TextData's texts become word indices, which name"
                + " words rather than measure anything, so scaling them makes no sense. Remove"
                + " @Standardize.")
        .inFile(source)
        .onLineContaining("@Standardize");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void textsNeedALocation() {
    JavaFileObject source = reviews("folder = \"data/reviews\",\n    ", "");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextData on class 'Reviews': the texts have no location. Set folder to a folder with"
                + " a sub-folder per class, such as @TextData(folder = \"data/reviews\"), or file"
                + " to a CSV or JSON file, such as @TextData(file = \"reviews.csv\").")
        .inFile(source)
        .onLineContaining("@TextData(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void textsHaveOneLocation() {
    JavaFileObject source =
        reviews("folder = \"data/reviews\",", "folder = \"data/reviews\", file = \"reviews.csv\",");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextData(file = \"reviews.csv\") on class 'Reviews': folder = \"data/reviews\" and"
                + " file are both set, but the texts come from one place. Received:"
                + " file=\"reviews.csv\". Remove folder or file.")
        .inFile(source)
        .onLineContaining("file = \"reviews.csv\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void textFileIsCsvOrJson() {
    JavaFileObject source = reviews("folder = \"data/reviews\"", "file = \"reviews.txt\"");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextData(file = \"reviews.txt\") on class 'Reviews': a file of texts is read by its"
                + " extension, as CSV with a header row or as a JSON array of objects, and this one"
                + " ends with neither .csv nor .json. Received: file=\"reviews.txt\". Name a .csv"
                + " or .json file, or for one text per file set folder to a folder with a"
                + " sub-folder per class.")
        .inFile(source)
        .onLineContaining("file = \"reviews.txt\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void folderHasNoFields() {
    JavaFileObject source =
        reviews("folder = \"data/reviews\",", "folder = \"data/reviews\", labelField = \"stars\",");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextData(labelField = \"stars\") on class 'Reviews': in a folder each file is one"
                + " text and its sub-folder names the class, so labelField applies to a file only."
                + " Received: labelField=\"stars\". Remove labelField, or set file instead of"
                + " folder.")
        .inFile(source)
        .onLineContaining("labelField = \"stars\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void fileFieldsAreNamedAndDistinct() {
    JavaFileObject source =
        reviews("folder = \"data/reviews\",",
            "file = \"reviews.json\", textField = \" \",\n    labelField = \" \",");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@TextData(textField = \" \") on class 'Reviews': textField names the field that holds"
                + " the text, so it cannot be blank. Received: textField=\" \". Set it to that"
                + " field's name in the header row or the JSON objects, or remove it for the"
                + " default, \"text\".")
        .inFile(source)
        .onLineContaining("textField = \" \"");
    assertThat(compilation)
        .hadErrorContaining("labelField names the field that holds the class, so it cannot be blank.")
        .inFile(source)
        .onLineContaining("labelField = \" \"");
    assertThat(compilation).hadErrorCount(2);

    JavaFileObject same =
        reviews("folder = \"data/reviews\",",
            "file = \"reviews.json\", textField = \"review\",\n    labelField = \"review\",");
    Compilation sameField = compile(same);
    assertThat(sameField)
        .hadErrorContaining(
            "@TextData(labelField = \"review\") on class 'Reviews': textField names the same"
                + " field, but the text and its class are two fields. Received:"
                + " labelField=\"review\". Set labelField to the field holding the class, such as"
                + " \"label\".")
        .inFile(same)
        .onLineContaining("labelField = \"review\"");
    assertThat(sameField).hadErrorCount(1);
  }

  @Test
  void textSplitIsCheckedAsATablesIs() {
    JavaFileObject source = reviews("test = 0.2, validation = 0.1", "test = 0.7, validation = 0.3");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Split(validation = 0.3) on class 'Reviews': test = 0.7 and validation together hold"
                + " out every text, leaving none to train on. Received: validation=0.3.")
        .inFile(source)
        .onLineContaining("validation = 0.3");
    assertThat(compilation).hadErrorCount(1);

    JavaFileObject noTest = reviews("test = 0.2", "test = 0");
    Compilation noTestCompilation = compile(noTest);
    assertThat(noTestCompilation)
        .hadErrorContaining(
            "@Split(test = 0.0) on class 'Reviews': test is the fraction of texts held out for the"
                + " final test, in (0, 1). Received: test=0.0. Set a fraction such as 0.2, to test"
                + " on 20% of the texts.")
        .inFile(noTest)
        .onLineContaining("test = 0,");
    assertThat(noTestCompilation).hadErrorCount(1);
  }

  @Test
  void textsAreClassified() {
    JavaFileObject source =
        reviews("loss = BINARY_CROSSENTROPY)", "loss = MEAN_ABSOLUTE_ERROR)",
            "@Dense(units = 1, activation = SIGMOID)", "@Dense(units = 1)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Train(loss = MEAN_ABSOLUTE_ERROR) on class 'Reviews': @TextData labels each text"
                + " with a class, so the model is a classifier, but MEAN_ABSOLUTE_ERROR makes a"
                + " regression model. Received: loss=MEAN_ABSOLUTE_ERROR. Use loss ="
                + " CATEGORICAL_CROSSENTROPY, or BINARY_CROSSENTROPY for two classes.")
        .inFile(source)
        .onLineContaining("loss = MEAN_ABSOLUTE_ERROR)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void validationThresholdNeedsTextsHeldOutForValidation() {
    JavaFileObject source =
        reviews("validation = 0.1", "validation = 0",
            "@Train(", "@Threshold(metric = ACCURACY, min = 0.8, on = VALIDATION)\n@Train(");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(on = VALIDATION) on class 'Reviews': the model has no validation data,"
                + " since @TextData's split has validation = 0. Received: on=VALIDATION. Measure on"
                + " TEST or TRAIN, or hold out validation texts, such as split ="
                + " @Split(validation = 0.2).")
        .inFile(source)
        .onLineContaining("on = VALIDATION");
    assertThat(compilation).hadErrorCount(1);
  }
}
