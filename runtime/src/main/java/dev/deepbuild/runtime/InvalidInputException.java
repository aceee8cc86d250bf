package dev.deepbuild.runtime;

import dev.deepbuild.build.DeepBuildException;

/**
 * Input that cannot be trained on: a missing data file, a label column that does not exist, a cell
 * that is not a number. The message names the model, the file and the place, and says how to fix it.
 */
public class InvalidInputException extends DeepBuildException {
  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
