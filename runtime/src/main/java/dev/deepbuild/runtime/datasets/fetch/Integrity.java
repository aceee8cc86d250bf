package dev.deepbuild.runtime.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A SHA-512 digest written as npm writes {@code dist.integrity} (Subresource Integrity):
 * {@code sha512-<base64 of the 64 digest bytes>}. npm has published SHA-512 for every tarball
 * since 2017, so DeepBuild pins nothing weaker.
 */
public final class Integrity {
  private static final String PREFIX = "sha512-";
  private static final int DIGEST_BYTES = 64;

  private final byte[] digest;

  private Integrity(byte[] digest) {
    this.digest = digest;
  }

  /**
   * Reads {@code sha512-<base64>}.
   *
   * @throws IllegalArgumentException for another algorithm, bad base64 or a digest not 64 bytes long
   */
  public static Integrity parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("'" + text + "' is not a sha512-<base64> integrity");
    }
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not valid base64 after sha512-", e);
    }
    if (digest.length != DIGEST_BYTES) {
      throw new IllegalArgumentException("'" + text + "' holds " + digest.length
          + " bytes, but a SHA-512 digest has " + DIGEST_BYTES);
    }
    return new Integrity(digest);
  }

  /** The integrity of a finished digest, as from {@link #newDigest()}. */
  public static Integrity of(MessageDigest sha512) {
    return new Integrity(sha512.digest());
  }

  /** The integrity of bytes in memory. */
  public static Integrity of(byte[] content) {
    MessageDigest sha512 = newDigest();
    sha512.update(content);
    return of(sha512);
  }

  /** The integrity of a file's content, read once. */
  public static Integrity ofFile(Path file) throws IOException {
    MessageDigest sha512 = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha512.update(buffer, 0, n);
      }
    }
    return of(sha512);
  }

  /** A fresh SHA-512 digest to feed while streaming. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-512", e);
    }
  }

  /** The 64 digest bytes. */
  public byte[] digest() {
    return digest.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Integrity that && MessageDigest.isEqual(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  /** {@code sha512-<base64>}, as npm prints it. */
  @Override
  public String toString() {
    return PREFIX + Base64.getEncoder().encodeToString(digest);
  }
}
