package dev.deepbuild.runtime.datasets.fetch;

import java.io.IOException;

/** Why a download failed, with a message that names the URL and what happened. */
final class DownloadFailure extends IOException {
  enum Reason {
    /** No connection: refused, unknown host, no route, TLS failure. */
    UNREACHABLE,
    /** No connection, response or data within the timeout. */
    TIMEOUT,
    /** An answer other than 200. */
    HTTP_STATUS,
    /** The body ended or broke before it was complete. */
    TRUNCATED,
    /** The thread was interrupted. */
    INTERRUPTED
  }

  private final Reason reason;
  private final int status;

  DownloadFailure(Reason reason, String message, Throwable cause) {
    this(reason, 0, message, cause);
  }

  DownloadFailure(Reason reason, int status, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.status = status;
  }

  Reason reason() {
    return reason;
  }

  /** The HTTP status of {@link Reason#HTTP_STATUS}, else 0. */
  int status() {
    return status;
  }
}
