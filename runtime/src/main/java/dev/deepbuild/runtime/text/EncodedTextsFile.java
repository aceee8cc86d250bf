package dev.deepbuild.runtime.text;

import dev.deepbuild.annotations.OutputMode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary file of one {@link EncodedTexts}, big-endian:
 * <pre>
 * int    magic "DBTX"
 * int    format version ({@value #FORMAT_VERSION})
 * bytes  key                      (bytes = int length, then UTF-8)
 * bytes  mode name
 * int    maxTokens, sequenceLength
 * int    word count, then bytes per word
 * int    text count n, then n + 1 ints of offsets
 * int    value count, then the values
 * long   CRC-32 of everything above
 * </pre>
 * Reading checks every length against the file's size before allocating, the checksum, that
 * nothing follows it, and the indices themselves ({@link EncodedTexts}'s constructor); any failure
 * is a {@link CorruptFileException}.
 */
final class EncodedTextsFile {
  static final int MAGIC = 0x44425458;
  static final int FORMAT_VERSION = 1;
  private static final int CHUNK_INTS = 16_384;

  /** A cache file that cannot be trusted: truncated, altered, or of another format version. */
  static final class CorruptFileException extends IOException {
    CorruptFileException(String message) {
      super(message);
    }

    CorruptFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private EncodedTextsFile() {}

  static void write(Path file, String key, EncodedTexts texts) throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(
        new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), new CRC32());
    try (DataOutputStream out = new DataOutputStream(checked)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT_VERSION);
      writeString(out, key);
      writeString(out, texts.mode().name());
      out.writeInt(texts.maxTokens());
      out.writeInt(texts.sequenceLength());
      List<String> words = texts.vocabulary().words();
      out.writeInt(words.size());
      for (String word : words) {
        writeString(out, word);
      }
      out.writeInt(texts.size());
      writeInts(out, texts.offsets());
      out.writeInt(texts.values().length);
      writeInts(out, texts.values());
      out.writeLong(checked.getChecksum().getValue());
    }
  }

  /**
   * The texts stored in {@code file} under {@code key}.
   *
   * @throws java.nio.file.NoSuchFileException when there is no such file
   * @throws CorruptFileException when the file is damaged or holds another key
   */
  static EncodedTexts read(Path file, String key) throws IOException {
    long size = Files.size(file);
    CheckedInputStream checked = new CheckedInputStream(
        new BufferedInputStream(Files.newInputStream(file), 1 << 16), new CRC32());
    try (DataInputStream in = new DataInputStream(checked)) {
      if (in.readInt() != MAGIC) {
        throw new CorruptFileException("it is not a prepared-texts file");
      }
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new CorruptFileException("its format version is " + version + ", not " + FORMAT_VERSION);
      }
      String storedKey = readString(in, size);
      if (!storedKey.equals(key)) {
        throw new CorruptFileException("it holds the key '" + storedKey + "', not '" + key + "'");
      }
      OutputMode mode = mode(readString(in, size));
      int maxTokens = in.readInt();
      int sequenceLength = in.readInt();
      int wordCount = length(in, size, 4);
      List<String> words = new ArrayList<>(wordCount);
      for (int i = 0; i < wordCount; i++) {
        words.add(readString(in, size));
      }
      int[] offsets = readInts(in, length(in, size, 4) + 1);
      int[] values = readInts(in, length(in, size, 4));
      long computed = checked.getChecksum().getValue();
      if (in.readLong() != computed || in.read() != -1) {
        throw new CorruptFileException("its checksum does not match its content");
      }
      return new EncodedTexts(mode, maxTokens, sequenceLength, Vocabulary.of(words), offsets, values);
    } catch (EOFException e) {
      throw new CorruptFileException("it is truncated", e);
    } catch (IllegalArgumentException e) {
      throw new CorruptFileException("its content is inconsistent: " + e.getMessage(), e);
    }
  }

  private static OutputMode mode(String name) throws CorruptFileException {
    try {
      return OutputMode.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new CorruptFileException("it names the unknown output mode '" + name + "'");
    }
  }

  /** A count read from the file, of items of at least {@code bytesEach}, which must fit in it. */
  private static int length(DataInputStream in, long fileSize, int bytesEach) throws IOException {
    int length = in.readInt();
    if (length < 0 || (long) length * bytesEach > fileSize) {
      throw new CorruptFileException("it claims " + length + " items, more than its size allows");
    }
    return length;
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in, long fileSize) throws IOException {
    byte[] bytes = new byte[length(in, fileSize, 1)];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  // Ints go through a byte buffer in chunks: reading IMDB's 6.2 million indices took 8-22 ms this
  // way and 145-183 ms with one readInt each.
  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK_INTS * Integer.BYTES);
    for (int start = 0; start < values.length; start += CHUNK_INTS) {
      int count = Math.min(CHUNK_INTS, values.length - start);
      buffer.clear();
      buffer.asIntBuffer().put(values, start, count);
      out.write(buffer.array(), 0, count * Integer.BYTES);
    }
  }

  private static int[] readInts(DataInputStream in, int count) throws IOException {
    int[] values = new int[count];
    byte[] bytes = new byte[CHUNK_INTS * Integer.BYTES];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    for (int start = 0; start < count; start += CHUNK_INTS) {
      int chunk = Math.min(CHUNK_INTS, count - start);
      in.readFully(bytes, 0, chunk * Integer.BYTES);
      buffer.clear();
      buffer.asIntBuffer().get(values, start, chunk);
    }
    return values;
  }
}
