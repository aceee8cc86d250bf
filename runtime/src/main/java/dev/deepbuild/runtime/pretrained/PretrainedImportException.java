package dev.deepbuild.runtime.pretrained;

import dev.deepbuild.runtime.InvalidInputException;

/** A pretrained base that cannot be imported: the message names the package, the file and the fix. */
public class PretrainedImportException extends InvalidInputException {
  public PretrainedImportException(String message) {
    super(message);
  }

  public PretrainedImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
