package dev.deepbuild.build.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      return files.toList();
    }
  }

  @Test
  void createsTheDirectoryAndReplacesTheTarget() throws IOException {
    Path target = dir.resolve("out/a.txt");
    AtomicFiles.write(target, file -> Files.writeString(file, "one"));
    AtomicFiles.write(target, file -> Files.writeString(file, "two"));
    assertEquals("two", Files.readString(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out/a.txt");
    AtomicFiles.write(target, file -> Files.writeString(file, "old"));
    IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, file -> {
      Files.writeString(file, "half");
      throw new IOException("disk full");
    }));
    assertEquals("disk full", failure.getMessage());
    assertEquals("old", Files.readString(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void aFailedCleanupDoesNotHideTheFailure() throws IOException {
    Path target = dir.resolve("out/a.txt");
    IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, file -> {
      // A writer that leaves a folder behind, which the cleanup cannot delete.
      Files.createDirectories(file.resolve("part"));
      throw new IOException("disk full");
    }));
    assertEquals("disk full", failure.getMessage());
    assertEquals(1, failure.getSuppressed().length);
    assertInstanceOf(DirectoryNotEmptyException.class, failure.getSuppressed()[0]);
    assertFalse(Files.exists(target));
  }

  @Test
  void anUncheckedFailureOfTheWriterLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out/a.txt");
    AtomicFiles.write(target, file -> Files.writeString(file, "old"));
    assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, file -> {
      Files.writeString(file, "half");
      throw new IllegalStateException("bug");
    }));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of(target), files());
  }
}
