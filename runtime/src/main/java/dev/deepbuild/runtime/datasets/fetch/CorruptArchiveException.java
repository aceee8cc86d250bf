package dev.deepbuild.runtime.datasets.fetch;

import java.io.IOException;

/**
 * A {@code .tgz} that is truncated or damaged, as opposed to an {@link java.io.IOException} that an
 * entry's reader throws about the content. The message names the archive, and the entry if the
 * damage is inside one.
 */
public class CorruptArchiveException extends IOException {
  public CorruptArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
