package dev.deepbuild.runtime.datasets.fetch;

/**
 * A tarball whose SHA-512 is not the pinned one: a download (which was discarded) or a file of the
 * offline folder. The message gives both integrities.
 */
public class DatasetIntegrityException extends DatasetUnavailableException {
  public DatasetIntegrityException(String message) {
    super(message);
  }
}
