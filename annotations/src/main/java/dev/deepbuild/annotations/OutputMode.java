package dev.deepbuild.annotations;

/** How {@link TextVectorization} encodes a text, named as Keras's {@code output_mode}. */
public enum OutputMode {
  /**
   * One column per vocabulary word, 1 where the text has the word (the book's
   * {@code vectorize_sequences}); words outside the vocabulary are dropped.
   */
  MULTI_HOT,
  /**
   * The text's word indices in order, padded with 0 or truncated to
   * {@link TextVectorization#outputSequenceLength()}; 1 stands for a word outside the vocabulary
   * and vocabulary words start at 2, for an embedding layer.
   */
  INT
}
