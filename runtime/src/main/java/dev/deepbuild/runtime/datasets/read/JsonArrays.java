package dev.deepbuild.runtime.datasets.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the objects of a file that is one JSON array of objects, so that a 66 MB file is never a
 * tree in memory. Shape errors are {@link JsonProcessingException}s with the place in the file.
 */
final class JsonArrays {
  /** Reads one element; called with the parser on its {@code START_OBJECT}, returns on its {@code END_OBJECT}. */
  @FunctionalInterface
  interface ObjectReader {
    void read(JsonParser parser, int index) throws IOException;
  }

  // A tree-capable parser (readValueAsTree) for the readers that want one; the caller closes the stream.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
  }

  private JsonArrays() {}

  /** A parser of {@code in} that leaves the stream open; the caller closes the parser. */
  static JsonParser parser(InputStream in) throws IOException {
    return MAPPER.createParser(in);
  }

  /** Calls {@code reader} for each object of the array that {@code in} holds; returns their number. */
  static int forEachObject(InputStream in, ObjectReader reader) throws IOException {
    try (JsonParser parser = MAPPER.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw problem(parser, "expected a JSON array of objects");
      }
      int index = 0;
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token == null) {
          throw problem(parser, "the array is not closed: the file is truncated");
        }
        if (token != JsonToken.START_OBJECT) {
          throw problem(parser, "element " + index + " of the array is not an object");
        }
        reader.read(parser, index++);
      }
      if (parser.nextToken() != null) {
        throw problem(parser, "something follows the array");
      }
      return index;
    }
  }

  /** A shape error at the parser's current token (where it starts, not where the parser is). */
  static JsonParseException problem(JsonParser parser, String message) {
    return new JsonParseException(parser, message, parser.currentTokenLocation());
  }

  /** {@code line 3, column 7}: where a JSON problem is, for messages. */
  static String place(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
