package dev.deepbuild.runtime.text;

import dev.deepbuild.annotations.OutputMode;
import java.util.List;
import java.util.Objects;

/**
 * {@code @TextVectorization} as a function: tokenizes every text once ({@link Tokenizer}), learns
 * the vocabulary from the training texts only ({@link Vocabulary}), and encodes every text with it
 * ({@link EncodedTexts}). A multi-hot vocabulary holds {@code maxTokens} words; an INT vocabulary
 * {@code maxTokens - 2}, as indices 0 and 1 stand for padding and out-of-vocabulary.
 */
public final class TextVectorizer {
  private final int maxTokens;
  private final OutputMode mode;
  private final int sequenceLength;

  /**
   * @param sequenceLength the INT sequence length; ignored for multi-hot
   * @throws IllegalArgumentException for sizes that cannot hold a word
   */
  public TextVectorizer(int maxTokens, OutputMode mode, int sequenceLength) {
    this.mode = Objects.requireNonNull(mode, "mode");
    int least = mode == OutputMode.INT ? EncodedTexts.FIRST_WORD + 1 : 1;
    if (maxTokens < least) {
      throw new IllegalArgumentException("maxTokens is " + maxTokens + ", but " + mode + " needs at"
          + " least " + least + (mode == OutputMode.INT ? " (0 pads, 1 is out-of-vocabulary)" : ""));
    }
    if (mode == OutputMode.INT && sequenceLength <= 0) {
      throw new IllegalArgumentException("outputSequenceLength is " + sequenceLength
          + ", but INT needs a positive length to pad and truncate texts to");
    }
    this.maxTokens = maxTokens;
    this.sequenceLength = mode == OutputMode.INT ? sequenceLength : 0;
  }

  /**
   * Vectorizes all {@code texts} with the vocabulary of the texts at {@code trainingRows}, so that
   * nothing of the held-out texts shapes it.
   */
  public EncodedTexts vectorize(List<String> texts, int[] trainingRows) {
    return vectorize(TokenizedCorpus.of(texts), trainingRows);
  }

  /**
   * Vectorizes a corpus tokenized once with the vocabulary of its texts at {@code trainingRows}:
   * cross-validation learns one vocabulary per fold without tokenizing the texts again.
   */
  public EncodedTexts vectorize(TokenizedCorpus corpus, int[] trainingRows) {
    return encode(corpus, Vocabulary.learn(corpus, trainingRows, vocabularySize()));
  }

  /** Encodes {@code corpus} with a vocabulary learned before, such as texts to predict. */
  public EncodedTexts encode(TokenizedCorpus corpus, Vocabulary vocabulary) {
    return mode == OutputMode.MULTI_HOT
        ? MultiHotEncoder.encode(corpus, vocabulary, maxTokens)
        : IntSequenceEncoder.encode(corpus, vocabulary, maxTokens, sequenceLength);
  }

  /** How many words the vocabulary holds at most. */
  public int vocabularySize() {
    return mode == OutputMode.INT ? maxTokens - EncodedTexts.FIRST_WORD : maxTokens;
  }
}
