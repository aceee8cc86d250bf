package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochProgressTest {
  private static final long SECOND = 1_000_000_000L;

  private long now;
  private final List<String> lines = new ArrayList<>();

  @Test
  void aLongEpochLogsALineEveryIntervalWithThroughputAndEta() {
    EpochProgress progress = new EpochProgress("imdb", 2, 4, 25_000, lines::add, () -> now, 10 * SECOND);
    for (int done = 1_000; done <= 25_000; done += 1_000) {
      now += SECOND;
      progress.trained(done);
    }
    assertEquals(List.of(
        "imdb: epoch 2/4 - 10000/25000 samples (40%) - 1000 samples/s - ETA 15 s",
        "imdb: epoch 2/4 - 20000/25000 samples (80%) - 1000 samples/s - ETA 5 s"), lines);
  }

  @Test
  void aShortEpochLogsNothing() {
    EpochProgress progress = new EpochProgress("iris", 1, 60, 90, lines::add, () -> now, 10 * SECOND);
    for (int done = 16; done <= 90; done += 16) {
      now += SECOND / 100;
      progress.trained(done);
    }
    assertEquals(List.of(), lines);
  }
}
