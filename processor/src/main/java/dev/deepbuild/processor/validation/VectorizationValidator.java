package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Checks {@code @TextVectorization}: that texts have one and tables do not, that its values fit its
 * output mode, and that vectorized texts are not standardized.
 */
final class VectorizationValidator {

  private final ErrorReporter errors;

  VectorizationValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param vectorization the {@code @TextVectorization}, if present
   * @param data the class's one data annotation, if it has exactly one
   * @param standardize the {@code @Standardize}, if present
   * @return the vectorization; empty when there is none, or an error
   */
  Optional<VectorizationDescription> validate(
      TypeElement type,
      Optional<AnnotationSite> vectorization,
      Optional<DeclaredData> data,
      Optional<AnnotationSite> standardize) {
    OutputMode mode =
        vectorization
            .map(site -> site.enumValue("outputMode", OutputMode.class))
            .orElse(OutputMode.MULTI_HOT);
    if (data.isPresent()) {
      checkFitsTheData(type, vectorization, data.get());
      if (data.get().text() && standardize.isPresent()) {
        errors.error(
            standardize.get(),
            texts(data.get()) + " become " + encoding(mode) + ".",
            "Remove @Standardize.");
      }
    }
    return vectorization.flatMap(this::values);
  }

  private void checkFitsTheData(
      TypeElement type, Optional<AnnotationSite> vectorization, DeclaredData data) {
    if (data.text() && vectorization.isEmpty()) {
      errors.error(
          type,
          texts(data) + " need turning into numbers for the network, and this class has no"
              + " @TextVectorization.",
          "Add it, such as @TextVectorization(maxTokens = 10000), for a multi-hot column per"
              + " word of the 10,000 most frequent.");
    } else if (!data.text() && vectorization.isPresent()) {
      String numbers =
          data.dataset()
              .map(dataset -> dataset + "'s samples are " + dataset.features() + " numbers")
              .orElse(data.annotationName() + "'s samples are numbers");
      errors.error(
          vectorization.get(),
          "it turns texts into numbers, but " + numbers + " already.",
          "Remove it.");
    }
  }

  /** The vectorization's values, checked against its output mode; empty after an error. */
  Optional<VectorizationDescription> values(AnnotationSite vectorization) {
    int before = errors.errorCount();
    OutputMode mode = vectorization.enumValue("outputMode", OutputMode.class);
    int maxTokens = vectorization.intValue("maxTokens");
    int length = vectorization.intValue("outputSequenceLength");
    switch (mode) {
      case MULTI_HOT -> {
        if (maxTokens < 1) {
          errors.error(
              vectorization, "maxTokens",
              "maxTokens is the vocabulary's size, a multi-hot column per word, so it must be"
                  + " positive.",
              "Set the number of most frequent words to keep, such as maxTokens = 10000.");
        }
        if (length != 0) {
          errors.error(
              vectorization, "outputSequenceLength",
              "outputSequenceLength is the length of outputMode = INT sequences, but MULTI_HOT"
                  + " makes a column per vocabulary word, whatever a text's length.",
              "Remove outputSequenceLength, or set outputMode = INT.");
        }
      }
      case INT -> {
        if (maxTokens < 3) {
          errors.error(
              vectorization, "maxTokens",
              "with outputMode = INT, maxTokens counts the word indices, and padding (0) and"
                  + " words outside the vocabulary (1) take two of them, so it is at least 3.",
              "Set maxTokens to 3 or more, such as 10000.");
        }
        if (length <= 0) {
          errors.error(
              vectorization, "outputSequenceLength",
              "outputMode = INT encodes a text as its word indices, padded or truncated to"
                  + " outputSequenceLength, so it must be positive.",
              "Set the number of words kept per text, such as outputSequenceLength = 200.");
        }
      }
    }
    return errors.errorCount() > before
        ? Optional.empty()
        : Optional.of(new VectorizationDescription(maxTokens, mode, length));
  }

  /** {@code IMDB's reviews} and the like, for messages. */
  private static String texts(DeclaredData data) {
    return data.dataset().map(dataset -> dataset + "'s texts").orElse("@TextData's texts");
  }

  /** What the texts become, and why standardizing that is wrong. */
  private static String encoding(OutputMode mode) {
    return switch (mode) {
      case MULTI_HOT ->
          "multi-hot columns, 1 where a text has the word and 0 where it does not, which need no"
              + " scaling: standardizing would turn each absent word into a negative number and"
              + " a rare word into a large one";
      case INT ->
          "word indices, which name words rather than measure anything, so scaling them makes"
              + " no sense";
    };
  }
}
