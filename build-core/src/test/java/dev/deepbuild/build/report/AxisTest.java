package dev.deepbuild.build.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {
  @Test
  void aValueAxisEndsOnRoundTicks() {
    Axis axis = Axis.rounded(0.31, 0.87, 5);

    assertEquals(0.1, axis.step(), 1e-12);
    assertEquals(0.3, axis.min(), 1e-12);
    assertEquals(0.9, axis.max(), 1e-12);
    assertEquals(List.of("0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"),
        axis.ticks().stream().map(axis::label).toList());
  }

  @Test
  void takesALargerStepRatherThanCrowdTheAxis() {
    // A step of 0.01 would need nine ticks from 0.88 to 0.96, as IMDB's accuracy had.
    Axis axis = Axis.rounded(0.887, 0.959, 5);

    assertEquals(List.of("0.88", "0.90", "0.92", "0.94", "0.96"), axis.ticks().stream().map(axis::label).toList());
  }

  @Test
  void anEpochAxisKeepsItsEndsAndTicksWholeNumbers() {
    Axis axis = Axis.whole(1, 130, 8);

    assertEquals(1, axis.min());
    assertEquals(130, axis.max());
    assertEquals(List.of("20", "40", "60", "80", "100", "120"), axis.ticks().stream().map(axis::label).toList());
    Axis few = Axis.whole(1, 4, 8);
    assertEquals(List.of("1", "2", "3", "4"), few.ticks().stream().map(few::label).toList());
  }

  @Test
  void aSingleValueGetsRoomAroundIt() {
    Axis epochs = Axis.whole(1, 1, 8);
    assertEquals(List.of(1.0), epochs.ticks());
    assertEquals(0.5, epochs.fraction(1), 1e-12);

    Axis zero = Axis.rounded(0, 0, 5);
    assertEquals(0.5, zero.fraction(0), 1e-12);
  }

  @Test
  void labelsNeverShowANegativeZero() {
    Axis axis = Axis.rounded(-0.04, 0.06, 5);

    assertEquals(List.of("-0.04", "-0.02", "0.00", "0.02", "0.04", "0.06"),
        axis.ticks().stream().map(axis::label).toList());
  }
}
