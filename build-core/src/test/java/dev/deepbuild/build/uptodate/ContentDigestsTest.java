package dev.deepbuild.build.uptodate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.deepbuild.build.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a remembered digest stands for a file, and when the file is read again. */
class ContentDigestsTest {
  @TempDir Path folder;
  private Path memo;
  private Path data;
  /** Well before the first read, so that the digest read then is trusted. */
  private final FileTime past = FileTime.from(Instant.now().minusSeconds(60));

  @BeforeEach
  void setUp() throws IOException {
    memo = folder.resolve("fork/digests.txt");
    data = folder.resolve("flowers.csv");
    Files.writeString(data, "5.1,3.5,0\n");
    Files.setLastModifiedTime(data, past);
  }

  private String digest() throws IOException {
    ContentDigests digests = ContentDigests.rememberedIn(memo);
    String digest = digests.of(data);
    digests.save();
    return digest;
  }

  @Test
  void unchangedFileIsNotReadAgain() throws IOException {
    assertEquals(Sha256.of(data), digest());
    // Rewritten in place with its size and time set back, which only a tool doing so on purpose
    // does: the remembered digest stands, which shows that the file was not read.
    Files.writeString(data, "9.9,3.5,0\n");
    Files.setLastModifiedTime(data, past);
    assertNotEquals(Sha256.of(data), digest());
  }

  @Test
  void changedTimeOrSizeIsReadAgain() throws IOException {
    digest();
    Files.writeString(data, "9.9,3.5,0\n");
    Files.setLastModifiedTime(data, FileTime.from(past.toInstant().plusNanos(1000)));
    assertEquals(Sha256.of(data), digest());

    Files.writeString(data, "9.9,3.5,0,longer\n");
    Files.setLastModifiedTime(data, past);
    assertEquals(Sha256.of(data), digest());
  }

  @Test
  void replacedFileIsReadAgainEvenWithTheSameSizeAndTime() throws IOException {
    digest();
    Path other = folder.resolve("other.csv");
    Files.writeString(other, "9.9,3.5,0\n");
    Files.setLastModifiedTime(other, past);
    Files.move(other, data, StandardCopyOption.REPLACE_EXISTING);

    assertEquals(Sha256.of(data), digest());
  }

  @Test
  void fileWrittenAroundTheReadIsReadAgainUntilItIsOlder() throws IOException {
    Instant now = Instant.now();
    Files.setLastModifiedTime(data, FileTime.from(now));
    digest();
    // A write in the same clock tick as the read keeps the time; the file is read again.
    Files.writeString(data, "9.9,3.5,0\n");
    Files.setLastModifiedTime(data, FileTime.from(now));
    assertEquals(Sha256.of(data), digest());
  }

  @Test
  void damagedMemoRemembersNothing() throws IOException {
    digest();
    Files.writeString(memo, "deepbuild content digests 1\nnot\ta\tmemo\n");
    Files.writeString(data, "9.9,3.5,0\n");
    Files.setLastModifiedTime(data, past);
    assertEquals(Sha256.of(data), digest());
  }

  @Test
  void noneRemembersNothingAndKeepsNothing() throws IOException {
    ContentDigests digests = ContentDigests.none();
    assertEquals(Sha256.of(data), digests.of(data));
    digests.save();
    assertFalse(Files.exists(memo));
  }
}
