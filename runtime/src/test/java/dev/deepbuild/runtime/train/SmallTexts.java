package dev.deepbuild.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Short reviews in two class folders: a polarity's words among filler, with punctuation and tags. */
final class SmallTexts {
  static final List<String> GOOD = List.of("great", "wonderful", "superb", "moving", "fine");
  static final List<String> BAD = List.of("awful", "boring", "dull", "terrible", "poor");
  static final List<String> FILLER = List.of("the", "a", "film", "movie", "plot", "actor");

  private SmallTexts() {}

  static void reviews(Path root) throws IOException {
    Random random = new Random(5);
    for (String polarity : List.of("negative", "positive")) {
      Path folder = Files.createDirectories(root.resolve(polarity));
      List<String> words = polarity.equals("positive") ? GOOD : BAD;
      for (int i = 0; i < 30; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 12; w++) {
          List<String> pool = random.nextInt(3) == 0 ? words : FILLER;
          text.append(pool.get(random.nextInt(pool.size()))).append(w % 5 == 4 ? ". " : " ");
        }
        Files.writeString(folder.resolve("review-" + i + ".txt"), text + "<br />The End!");
      }
    }
  }
}
