package dev.deepbuild.runtime.datasets.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the IMDB reviews of {@link DatasetCatalog#IMDB}: {@code package/reviews.json}, one JSON
 * array of {@code {"t": text, "s": 0 or 1}}. A text that occurred before is dropped (the first
 * occurrence is kept, whatever the labels), so that no review can be in both the training and the
 * test split: 50,000 reviews give 49,582. Classes: {@code negative} (0) and {@code positive} (1).
 */
public final class ImdbReader {
  public static final String ENTRY = "package/reviews.json";
  public static final List<String> CLASSES = List.of("negative", "positive");

  private ImdbReader() {}

  /** Reads the reviews from the dataset's tarball. */
  public static LabelledTexts read(Path tarball) {
    return DatasetArchives.readOne(DatasetCatalog.IMDB, tarball, ENTRY, ImdbReader::parse);
  }

  /** Reads the reviews from the content of {@code reviews.json}. */
  public static LabelledTexts parse(InputStream reviewsJson) throws IOException {
    List<Review> reviews = new ArrayList<>(50_000);
    Set<String> seen = new HashSet<>(100_000);
    try {
      JsonArrays.forEachObject(reviewsJson, (parser, index) -> {
        Review review = review(parser, index);
        if (seen.add(review.text())) {
          reviews.add(review);
        }
      });
    } catch (JsonProcessingException e) {
      throw new DatasetFormatException(ENTRY + ": " + e.getOriginalMessage() + JsonArrays.place(e), e);
    }
    return new LabelledTexts(reviews.stream().map(Review::text).toList(),
        reviews.stream().mapToInt(Review::label).toArray(), CLASSES);
  }

  private record Review(String text, int label) {}

  private static Review review(JsonParser parser, int index) throws IOException {
    String text = null;
    int label = -1;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("t") && value == JsonToken.VALUE_STRING) {
        text = parser.getText();
      } else if (field.equals("s") && value == JsonToken.VALUE_NUMBER_INT) {
        label = parser.getIntValue();
      } else {
        parser.skipChildren();
      }
    }
    if (text == null || (label != 0 && label != 1)) {
      throw JsonArrays.problem(parser, "review " + index + " lacks a text \"t\" or a label \"s\""
          + " of 0 or 1");
    }
    return new Review(text, label);
  }
}
