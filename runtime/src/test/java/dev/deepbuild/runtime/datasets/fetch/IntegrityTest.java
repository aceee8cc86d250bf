package dev.deepbuild.runtime.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityTest {
  // printf 'abc' | openssl dgst -sha512 -binary | base64
  private static final String ABC = "sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==";

  @TempDir Path dir;

  @Test
  void matchesWhatNpmAndOpensslPrint() throws IOException {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);

    assertEquals(ABC, Integrity.of(abc).toString());
    assertEquals(Integrity.parse(ABC), Integrity.ofFile(Files.write(dir.resolve("abc"), abc)));
    assertEquals(ABC, Integrity.parse(ABC).toString());
    assertNotEquals(Integrity.parse(ABC), Integrity.of(new byte[0]));
  }

  @Test
  void refusesOtherAlgorithmsAndMalformedDigests() {
    assertThrows(IllegalArgumentException.class, () -> Integrity.parse("sha1-qZk+NkcGgWq6PiVxeFDCbJzQ2J0="));
    assertThrows(IllegalArgumentException.class, () -> Integrity.parse("sha512-not base64!"));
    IllegalArgumentException shortDigest = assertThrows(IllegalArgumentException.class,
        () -> Integrity.parse("sha512-qZk+NkcGgWq6PiVxeFDCbJzQ2J0="));
    assertEquals("'sha512-qZk+NkcGgWq6PiVxeFDCbJzQ2J0=' holds 20 bytes, but a SHA-512 digest has 64",
        shortDigest.getMessage());
  }
}
