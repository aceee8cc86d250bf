package dev.deepbuild.runtime.datasets.fetch;

import dev.deepbuild.runtime.InvalidInputException;

/**
 * A dataset's tarball could not be obtained: no registry configured, the registry unreachable or
 * slow, an HTTP error, a download cut short, or a file missing from the offline folder. The message
 * names the dataset, the URL or file, and what to do. Broken input of the model that needs it, so
 * the build's other models still train.
 */
public class DatasetUnavailableException extends InvalidInputException {
  public DatasetUnavailableException(String message) {
    super(message);
  }

  public DatasetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
