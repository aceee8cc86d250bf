package dev.deepbuild.runtime.datasets.read;

import java.io.IOException;

/**
 * A file of a built-in dataset whose content is not in the format its reader expects, such as a
 * review without text. The message names the file and the place.
 */
public class DatasetFormatException extends IOException {
  public DatasetFormatException(String message) {
    super(message);
  }

  public DatasetFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
