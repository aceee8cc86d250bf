package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.LabelEncoder;
import dev.deepbuild.runtime.datasets.read.LabelledTexts;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.Vectorization;
import dev.deepbuild.runtime.text.EncodedTexts;
import dev.deepbuild.runtime.text.PreparedTextCache;
import dev.deepbuild.runtime.text.TextVectorizer;
import dev.deepbuild.runtime.text.TokenizedCorpus;
import dev.deepbuild.runtime.text.Tokenizer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Labelled texts, vectorized per {@code @TextVectorization} with a vocabulary of the training rows.
 * The vectorized form is cached under a key of everything that shapes it: the texts and labels
 * (by digest), the tokenizer's version, the vectorization and the training rows. Cross-validation
 * asks for one vectorization per fold; the texts are tokenized and digested at most once for all.
 */
final class TextExamples implements Examples {
  private final String model;
  private final LabelledTexts texts;
  private final String source;
  private final Vectorization vectorization;
  private final Optional<FixedTestSplit> fixedTestSplit;
  private final PreparedTextCache cache;
  /** Whether the labels keep the texts' class order rather than the class names' sorted order. */
  private final boolean indexedLabels;
  private TokenizedCorpus corpus;
  private String textsDigest;

  TextExamples(String model, LabelledTexts texts, String source, Vectorization vectorization,
      Optional<FixedTestSplit> fixedTestSplit, PreparedTextCache cache) {
    this(model, texts, source, vectorization, fixedTestSplit, cache, false);
  }

  /** Texts whose labels are their class indices, in the order of their class names as given. */
  static TextExamples indexed(String model, LabelledTexts texts, String source,
      Vectorization vectorization, Optional<FixedTestSplit> fixedTestSplit,
      PreparedTextCache cache) {
    return new TextExamples(model, texts, source, vectorization, fixedTestSplit, cache, true);
  }

  private TextExamples(String model, LabelledTexts texts, String source,
      Vectorization vectorization, Optional<FixedTestSplit> fixedTestSplit,
      PreparedTextCache cache, boolean indexedLabels) {
    this.indexedLabels = indexedLabels;
    this.model = model;
    this.texts = texts;
    this.source = source;
    this.vectorization = vectorization;
    this.fixedTestSplit = fixedTestSplit;
    this.cache = cache;
  }

  @Override
  public int size() {
    return texts.size();
  }

  @Override
  public int inputs() {
    return vectorization.features();
  }

  @Override
  public String description() {
    return size() + " texts from " + source + ", vectorized to " + inputs()
        + (vectorization.mode() == OutputMode.MULTI_HOT
            ? " multi-hot columns" : "-word sequences");
  }

  @Override
  public EncodedLabels labels(Task task, int declaredClasses, int outputUnits) {
    if (indexedLabels) {
      return LabelEncoder.indexed(model, texts.labels(), texts.classNames(), declaredClasses,
          outputUnits);
    }
    List<String> classOfEach = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      classOfEach.add(texts.classNames().get(texts.label(i)));
    }
    return LabelEncoder.classes(model, classOfEach, declaredClasses, outputUnits);
  }

  @Override
  public Optional<FixedTestSplit> fixedTestSplit() {
    return fixedTestSplit;
  }

  @Override
  public Features features(int[] trainingRows) {
    TextVectorizer vectorizer = new TextVectorizer(vectorization.maxTokens(), vectorization.mode(),
        vectorization.sequenceLength());
    EncodedTexts encoded = cache.getOrCompute(cacheKey(trainingRows),
        () -> vectorizer.vectorize(corpus(), trainingRows));
    return new TextFeatures(encoded);
  }

  @Override
  public InputSchema schema() {
    return new InputSchema.Text(vectorization.mode(), vectorization.maxTokens(),
        vectorization.sequenceLength(), Tokenizer.TOKENIZER_VERSION);
  }

  private TokenizedCorpus corpus() {
    if (corpus == null) {
      corpus = TokenizedCorpus.of(texts.texts());
    }
    return corpus;
  }

  private String cacheKey(int[] trainingRows) {
    MessageDigest digest = Sha256.newDigest();
    digest.update(textsDigest().getBytes(StandardCharsets.UTF_8));
    ByteBuffer rows = ByteBuffer.allocate(4 * trainingRows.length);
    for (int row : trainingRows) {
      rows.putInt(row);
    }
    digest.update(rows.array());
    return "texts " + Sha256.hex(digest)
        + " tokenizer " + Tokenizer.TOKENIZER_VERSION
        + " vectorization " + vectorization;
  }

  /** The digest of every text and label, taken once. */
  private String textsDigest() {
    if (textsDigest == null) {
      MessageDigest digest = Sha256.newDigest();
      for (int i = 0; i < texts.size(); i++) {
        byte[] text = texts.texts().get(i).getBytes(StandardCharsets.UTF_8);
        // Lengths keep texts apart: "ab" + "c" must not digest as "a" + "bc".
        digest.update(ByteBuffer.allocate(8).putInt(text.length).putInt(texts.label(i)).array());
        digest.update(text);
      }
      textsDigest = Sha256.hex(digest);
    }
    return textsDigest;
  }
}
