package dev.deepbuild.runtime.datasets.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of CSV text as RFC 4180 defines them, which texts need and the line-based
 * {@code CsvLineParser} of {@code @CsvData} tables does not offer: a quoted value may hold the
 * delimiter, line breaks (kept as they are) and {@code ""} for a quote. Lines may end with LF, CRLF
 * or CR. Unquoted values are trimmed, as in {@code @CsvData} tables; quoted ones are kept verbatim.
 * Blank lines between records are skipped, and a leading byte order mark is ignored.
 */
final class CsvRecords {
  /** One record and the line it starts on (1-based). */
  record Record(int line, List<String> values) {}

  /** A record that breaks the format, such as an unclosed quote; the message says where. */
  static final class FormatException extends IOException {
    FormatException(String message) {
      super(message);
    }
  }

  private static final int END = -1;
  private static final int NONE = -2;

  private final Reader reader;
  private final char delimiter;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int pushedBack = NONE;
  private int line = 1;
  private boolean started;

  CsvRecords(Reader reader, char delimiter) {
    this.reader = reader;
    this.delimiter = delimiter;
  }

  /** The next record, or null after the last. */
  Record next() throws IOException {
    while (true) {
      int c = read();
      if (!started && c == '\uFEFF') {
        c = read();
      }
      started = true;
      if (c == END) {
        return null;
      }
      int start = line;
      List<String> values = new ArrayList<>();
      boolean anyQuoted = false;
      StringBuilder value = new StringBuilder();
      while (true) {
        while (c == ' ' || c == '\t') {
          value.append((char) c);
          c = read();
        }
        if (c == '"') {
          anyQuoted = true;
          c = quoted(value);
          while (c == ' ' || c == '\t') {
            c = read();
          }
          if (c != delimiter && c != '\n' && c != '\r' && c != END) {
            throw new FormatException("line " + line + ": a quoted value must be followed by '"
                + delimiter + "' or the end of the line");
          }
          values.add(value.toString());
        } else {
          while (c != delimiter && c != '\n' && c != '\r' && c != END) {
            value.append((char) c);
            c = read();
          }
          values.add(value.toString().trim());
        }
        value.setLength(0);
        if (c != delimiter) {
          break;
        }
        c = read();
      }
      endOfLine(c);
      boolean blank = !anyQuoted && values.size() == 1 && values.get(0).isEmpty();
      if (!blank) {
        return new Record(start, values);
      }
    }
  }

  /** Reads a quoted value after its opening quote into {@code value}; returns the character after the closing quote. */
  private int quoted(StringBuilder value) throws IOException {
    value.setLength(0);
    int opened = line;
    while (true) {
      int c = read();
      if (c == END) {
        throw new FormatException("line " + opened + ": a quoted value is not closed. Close it with '\"',"
            + " and write a quote inside a quoted value as '\"\"'");
      }
      if (c == '"') {
        int next = read();
        if (next != '"') {
          return next;
        }
      } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      value.append((char) c);
    }
  }

  /** Consumes a line end (LF, CR or CRLF) if {@code c} starts one. */
  private void endOfLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    if (c == '\n' || c == '\r') {
      line++;
    }
  }

  private int peek() throws IOException {
    if (pushedBack == NONE) {
      pushedBack = fetch();
    }
    return pushedBack;
  }

  private int read() throws IOException {
    if (pushedBack != NONE) {
      int c = pushedBack;
      pushedBack = NONE;
      return c;
    }
    return fetch();
  }

  private int fetch() throws IOException {
    if (position == limit) {
      limit = reader.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return END;
      }
    }
    return buffer[position++];
  }
}
