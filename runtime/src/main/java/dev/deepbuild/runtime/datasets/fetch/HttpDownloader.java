package dev.deepbuild.runtime.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Downloads one file over HTTP(S) into a new local file, hashing it with SHA-512 on the way, and
 * fails rather than returns when anything is missing: a status other than 200, fewer bytes than
 * {@code Content-Length}, a broken connection, or no data for the idle timeout.
 */
public final class HttpDownloader {
  /** How long to wait for a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
  /** How long to wait for the response headers, and then for each next piece of the body. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /** What a finished download holds. */
  public record Download(long bytes, Integrity integrity, Duration elapsed) {}

  private final Duration connectTimeout;
  private final Duration idleTimeout;
  private HttpClient client;

  public HttpDownloader() {
    this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
  }

  public HttpDownloader(Duration connectTimeout, Duration idleTimeout) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
  }

  /**
   * Streams {@code url} into {@code file}, which must not exist yet.
   *
   * @param started called once the headers are in, with the announced length or -1 if none
   * @throws DownloadFailure why it failed; {@code file} may then hold part of the body, which the
   *     caller deletes
   */
  Download download(URI url, Path file, LongConsumer started) throws IOException {
    long start = System.nanoTime();
    HttpResponse<InputStream> response = send(url);
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new DownloadFailure(DownloadFailure.Reason.HTTP_STATUS, response.statusCode(),
            url + " answered HTTP " + response.statusCode(), null);
      }
      long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      started.accept(expected);
      MessageDigest sha512 = Integrity.newDigest();
      long received = copy(url, body, file, sha512, expected);
      if (expected >= 0 && received != expected) {
        throw new DownloadFailure(DownloadFailure.Reason.TRUNCATED, "the download from " + url
            + " ended after " + received + " of " + expected + " bytes", null);
      }
      return new Download(received, Integrity.of(sha512), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private HttpResponse<InputStream> send(URI url) throws DownloadFailure {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(idleTimeout)
        .header("Accept", "application/octet-stream")
        .GET()
        .build();
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new DownloadFailure(DownloadFailure.Reason.TIMEOUT, "no connection to " + url
          + " within " + seconds(connectTimeout), e);
    } catch (HttpTimeoutException e) {
      throw new DownloadFailure(DownloadFailure.Reason.TIMEOUT, "no response from " + url
          + " within " + seconds(idleTimeout), e);
    } catch (IOException e) {
      throw new DownloadFailure(DownloadFailure.Reason.UNREACHABLE, "cannot connect to " + url
          + " (" + describe(e, url) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadFailure(DownloadFailure.Reason.INTERRUPTED, "interrupted while connecting to "
          + url, e);
    }
  }

  private long copy(URI url, InputStream body, Path file, MessageDigest sha512, long expected)
      throws IOException {
    long received = 0;
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        StallWatchdog watchdog = new StallWatchdog(idleTimeout, body)) {
      byte[] buffer = new byte[1 << 16];
      while (true) {
        int n;
        try {
          n = body.read(buffer);
        } catch (IOException e) {
          throw brokenOff(url, received, expected, watchdog, e);
        }
        if (n == -1) {
          if (watchdog.stalled()) {
            throw brokenOff(url, received, expected, watchdog, null);
          }
          return received;
        }
        watchdog.progress();
        sha512.update(buffer, 0, n);
        out.write(buffer, 0, n);
        received += n;
      }
    }
  }

  private DownloadFailure brokenOff(
      URI url, long received, long expected, StallWatchdog watchdog, IOException cause) {
    String of = received + (expected >= 0 ? " of " + expected : "") + " bytes";
    if (watchdog.stalled()) {
      return new DownloadFailure(DownloadFailure.Reason.TIMEOUT, "the download from " + url
          + " stalled: no data for " + seconds(idleTimeout) + " after " + of, cause);
    }
    return new DownloadFailure(DownloadFailure.Reason.TRUNCATED, "the download from " + url
        + " broke off after " + of + " (" + describe(cause, url) + ")", cause);
  }

  private synchronized HttpClient client() {
    if (client == null) {
      // Registries answer tarball requests with redirects to their storage.
      client = HttpClient.newBuilder()
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }
    return client;
  }

  /**
   * The deepest message of an exception chain, which says the most: HttpClient wraps the socket's
   * exception, often in ones without a message.
   */
  private static String describe(Throwable failure, URI url) {
    String deepest = null;
    boolean connect = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return "unknown host " + url.getHost();
      }
      connect |= cause instanceof ConnectException;
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        deepest = cause.getClass().getSimpleName() + ": " + cause.getMessage();
      }
    }
    if (deepest != null) {
      return deepest;
    }
    // A refused connection surfaces as ConnectException around ClosedChannelException, no words.
    return connect ? "connection refused" : failure.getClass().getSimpleName();
  }

  /** {@code 60 s}, or {@code 0.3 s} for a test's short timeout. */
  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
