package dev.deepbuild.processor.writer;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.ImagePreprocessing;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes, next to a model's class, the predictor an application uses: {@code
 * com.example.ImdbClassifier} gets {@code com.example.ImdbClassifierPredictor} ({@code
 * Outer.Inner} {@code Outer_InnerPredictor}), with {@code packaged()} (the model in the jar, loaded
 * once on first use through a holder class), {@code load(Path)} (a file, such as {@code
 * target/deepbuild/<model>/model.zip}) and {@code predict} methods for the data's kind: {@code
 * predict(String)} for texts, {@code predict(double...)} and {@code predict(Map<String, Double>)}
 * for tables, {@code predict(BufferedImage)} for images, each with a {@code predictAll} for many.
 * It returns a {@code ClassPrediction} or a {@code ValuePrediction}, as the task says, and
 * delegates everything to the runtime's {@code PackagedModel}, which checks the file against
 * the {@code ExpectedModel} written here. A functional model's predictor takes one parameter per
 * {@code @Input} and returns one prediction per {@code @Output} ({@link GraphPredictorMembers}).
 */
public final class PredictorWriter {
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  static final String PREDICT = "dev.deepbuild.runtime.predict";
  private static final ClassName PACKAGED_MODEL = ClassName.get(PREDICT, "PackagedModel");
  private static final ClassName EXPECTED_MODEL = ClassName.get(PREDICT, "ExpectedModel");
  static final ClassName MODEL_INPUT = ClassName.get(PREDICT, "ModelInput");
  static final ClassName CLASS_PREDICTION = ClassName.get(PREDICT, "ClassPrediction");
  static final ClassName VALUE_PREDICTION = ClassName.get(PREDICT, "ValuePrediction");
  static final ClassName OUTPUT_MODE =
      ClassName.get("dev.deepbuild.annotations", "OutputMode");
  private static final ClassName PATH = ClassName.get("java.nio.file", "Path");
  private static final ClassName BUFFERED_IMAGE = ClassName.get("java.awt.image", "BufferedImage");
  private static final TypeName COLUMNS = ParameterizedTypeName.get(ClassName.get(Map.class),
      ClassName.get(String.class), ClassName.get(Double.class));

  private final Filer filer;
  private final String generator;

  /** @param generator the processor, which {@code @Generated} names */
  public PredictorWriter(Filer filer, Class<?> generator) {
    this.filer = filer;
    this.generator = generator.getName();
  }

  public static ClassName predictorName(TypeElement modelClass) {
    ClassName name = ClassName.get(modelClass);
    return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + "Predictor");
  }

  /** Writes the predictor of a model, sequential or functional, and returns its name. */
  public ClassName write(TypeElement modelClass, ModelDescription model) throws IOException {
    ClassName name = predictorName(modelClass);
    Members members = model.graph().<Members>map(graph -> new GraphPredictorMembers(name, graph))
        .orElseGet(() -> new SequentialMembers(model, model.data().accept(new Inputs(model)),
            name));
    // One call a line, a comment above the call it explains, as SpecWriter writes the spec.
    CodeBlock expected = CodeBlock.builder()
        .add("$>$>$T.named($S)\n", EXPECTED_MODEL, model.name())
        .add(members.expected())
        .add("$<$<")
        .build();
    TypeSpec.Builder predictor = TypeSpec.classBuilder(name)
        .addOriginatingElement(modelClass)
        .addJavadoc(Comments.javadoc("Predicts with the model \"" + model.name() + "\" of {@link "
            + ClassName.get(modelClass).simpleName() + "}, as the build trained it, its inputs"
            + " prepared as training prepared its data. Thread-safe: share one instance.", 0))
        .addJavadoc("\n<pre>{@code\n$L}</pre>\n", members.example())
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", generator)
            .addMember("comments", "$S", "from " + model.declaringClass())
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(FieldSpec.builder(EXPECTED_MODEL, "MODEL", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc(Comments.javadoc("The model a file must hold: one trained from the class"
                + " as it is now; another is refused with the fix.", 2))
            .initializer(expected)
            .build())
        .addField(PACKAGED_MODEL, "model", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(PACKAGED_MODEL, "model")
            .addStatement("this.model = model")
            .build())
        .addMethod(MethodSpec.methodBuilder("packaged")
            .addJavadoc(Comments.javadoc("The model packaged in the application's jar at {@code"
                + " META-INF/deepbuild/" + model.name() + "/model.zip}, loaded on first use,"
                + " once.", 2))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addStatement("return Packaged.INSTANCE")
            .build())
        .addMethod(MethodSpec.methodBuilder("load")
            .addJavadoc(Comments.javadoc("The model saved in {@code file}, such as {@code"
                + " target/deepbuild/" + model.name() + "/model.zip} before it is packaged.", 2))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(PATH, "file")
            .returns(name)
            .addStatement("return new $T($T.load(MODEL, file))", name, PACKAGED_MODEL)
            .build());
    members.addTo(predictor);
    predictor.addType(TypeSpec.classBuilder("Packaged")
        .addJavadoc(Comments.javadoc("Loads the packaged model when {@link #packaged()} is first"
            + " called: the JVM initializes a class once, on first use, and safely.", 2))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addField(FieldSpec.builder(name, "INSTANCE", Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T(\n$>$>$T.load(MODEL, $T.class.getClassLoader())$<$<)", name,
                PACKAGED_MODEL, name)
            .build())
        .build());
    JavaFile.builder(name.packageName(), predictor.build())
        .skipJavaLangImports(true)
        .build()
        .writeTo(filer);
    return name;
  }

  /** What a kind of model gives its predictor beside the members every predictor has. */
  interface Members {
    /** The {@code ExpectedModel}'s calls after {@code named}, a line each. */
    CodeBlock expected();

    /** Lines of code that predict, for the class comment. */
    String example();

    /** Adds the predict methods and the types they take and return. */
    void addTo(TypeSpec.Builder predictor);
  }

  /** A sequential model's: its task, and its one input's predict methods. */
  private record SequentialMembers(ModelDescription model, Input input, ClassName predictor)
      implements Members {
    @Override
    public CodeBlock expected() {
      return CodeBlock.builder()
          .add(classifier()
              ? (model.data().classes() == 0
                  ? CodeBlock.of("// 0: the classes are those found in the data\n"
                      + ".classification(0)\n")
                  : CodeBlock.of(".classification($L)\n", model.data().classes()))
              : CodeBlock.of(".regression()\n"))
          .add(input.expected())
          .build();
    }

    @Override
    public String example() {
      return input.example(predictor);
    }

    @Override
    public void addTo(TypeSpec.Builder type) {
      input.methods(classifier() ? CLASS_PREDICTION : VALUE_PREDICTION,
          classifier() ? "classify" : "regress").forEach(type::addMethod);
    }

    private boolean classifier() {
      return model.task() == Task.CLASSIFICATION;
    }
  }

  /** What a kind of data gives the predictor: its expected input and its predict methods. */
  private interface Input {
    /** The {@code ExpectedModel}'s input call, such as {@code .table()}. */
    CodeBlock expected();

    /** The predict methods, returning {@code result} from the model's {@code call}. */
    List<MethodSpec> methods(ClassName result, String call);

    /** A line of code that predicts, for the class comment. */
    String example(ClassName predictor);
  }

  /** The input of each kind of data: texts, table rows or images. */
  private static final class Inputs implements DataDescription.Visitor<Input> {
    private final ModelDescription model;

    Inputs(ModelDescription model) {
      this.model = model;
    }

    @Override
    public Input csvTable(DataDescription.CsvTable table) {
      return new TableInput(CodeBlock.of("// as many feature values as the table has columns but"
          + " the label\n.table()"));
    }

    @Override
    public Input builtin(DataDescription.Builtin builtin) {
      if (builtin.dataset().text()) {
        return new TextInput(model.vectorization().orElseThrow());
      }
      return builtin.dataset().imageShape()
          .<Input>map(shape -> new ImageInput(model.imagePreprocessing(), shape.height(),
              shape.width(), shape.channels()))
          .orElseGet(() -> new TableInput(CodeBlock.of(".table($L)",
              builtin.dataset().features())));
    }

    @Override
    public Input texts(DataDescription.Texts texts) {
      return new TextInput(model.vectorization().orElseThrow());
    }

    @Override
    public Input provided(DataDescription.Provided provided) {
      // A provider feeds functional models only, whose inputs GraphPredictorMembers reads.
      return new TableInput(CodeBlock.of(".table()"));
    }

    @Override
    public Input images(DataDescription.Images images) {
      return new ImageInput(model.imagePreprocessing(), images.height(), images.width(),
          images.channels());
    }
  }

  private record TextInput(VectorizationDescription vectorization) implements Input {
    @Override
    public CodeBlock expected() {
      return CodeBlock.of(".text($T.$L, $L, $L)", OUTPUT_MODE, vectorization.mode().name(),
          vectorization.maxTokens(), vectorization.sequenceLength());
    }

    @Override
    public List<MethodSpec> methods(ClassName result, String call) {
      return List.of(
          one("text", ClassName.get(String.class), "The prediction for {@code text}, tokenized"
              + " and vectorized with the vocabulary training learned.", result, call,
              "text"),
          all("texts", ClassName.get(String.class), result, call, "text"));
    }

    @Override
    public String example(ClassName predictor) {
      return predictor.simpleName() + ".packaged().predict(\"A wonderful, moving film.\")\n";
    }
  }

  private record TableInput(CodeBlock expected) implements Input {
    @Override
    public List<MethodSpec> methods(ClassName result, String call) {
      MethodSpec values = MethodSpec.methodBuilder("predict")
          .addJavadoc(Comments.javadoc("The prediction for a row of feature values, in the"
              + " table's column order without the label, standardized as training standardized"
              + " them.", 2))
          .addModifiers(Modifier.PUBLIC)
          .addParameter(ParameterSpec.builder(double[].class, "features").build())
          .varargs()
          .returns(result)
          .addStatement("return model.$L($T.features(features))", call, MODEL_INPUT)
          .build();
      return List.of(values,
          one("columns", COLUMNS, "The prediction for a row given by its columns' header"
              + " names, each feature column once.", result, call, "columns"),
          all("rows", TypeName.get(double[].class), result, call, "features"));
    }

    @Override
    public String example(ClassName predictor) {
      return "double[] features = ...;  // the row's values, in column order without the label\n"
          + predictor.simpleName() + ".packaged().predict(features)\n";
    }
  }

  private record ImageInput(ImagePreprocessing preprocessing, int height, int width,
      int channels) implements Input {
    @Override
    public CodeBlock expected() {
      int h = preprocessing.resizing().map(ImagePreprocessing.Resizing::height).orElse(height);
      int w = preprocessing.resizing().map(ImagePreprocessing.Resizing::width).orElse(width);
      return CodeBlock.of(".image($L, $L, $L)", h, w, channels);
    }

    @Override
    public List<MethodSpec> methods(ClassName result, String call) {
      return List.of(
          one("image", BUFFERED_IMAGE, "The prediction for {@code image}, resized and scaled"
              + " as training prepared its images.", result, call, "image"),
          all("images", BUFFERED_IMAGE, result, call, "image"));
    }

    @Override
    public String example(ClassName predictor) {
      return predictor.simpleName() + ".packaged().predict(ImageIO.read(new File(\"image.png\")))\n";
    }
  }

  /** {@code predict(T name)}, one input. */
  private static MethodSpec one(String name, TypeName type, String doc, ClassName result,
      String call, String factory) {
    return MethodSpec.methodBuilder("predict")
        .addJavadoc(Comments.javadoc(doc, 2))
        .addModifiers(Modifier.PUBLIC)
        .addParameter(type, name)
        .returns(result)
        .addStatement("return model.$L($T.$L($L))", call, MODEL_INPUT, factory, name)
        .build();
  }

  /** {@code predictAll(List<T> name)}, many inputs in one batch, in order. */
  private static MethodSpec all(String name, TypeName type, ClassName result, String call,
      String factory) {
    return MethodSpec.methodBuilder("predictAll")
        .addJavadoc(Comments.javadoc("The predictions for {@code " + name + "} in order,"
            + " predicted together in one forward pass: faster than one by one.", 2))
        .addModifiers(Modifier.PUBLIC)
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), type), name)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), result))
        .addStatement("return model.$L($L.stream().map($T::$L).toList())", call, name,
            MODEL_INPUT, factory)
        .build();
  }
}
