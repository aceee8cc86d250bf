package dev.deepbuild.runtime.datasets.fetch;

import dev.deepbuild.runtime.InvalidInputException;

/** A verified tarball that could not be read: a damaged archive or an entry its reader rejected. */
public class DatasetArchiveException extends InvalidInputException {
  public DatasetArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
