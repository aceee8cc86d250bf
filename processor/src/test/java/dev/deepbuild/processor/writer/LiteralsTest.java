package dev.deepbuild.processor.writer;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class LiteralsTest {

  @Test
  void decimalsAreWrittenAsAPersonWouldAndReadBackExactly() {
    assertThat(Literals.decimal(0.2)).isEqualTo("0.2");
    assertThat(Literals.decimal(60)).isEqualTo("60.0");
    assertThat(Literals.decimal(1e-7)).isEqualTo("1e-7");
    assertThat(Literals.decimal(2.5e-8)).isEqualTo("2.5e-8");
    assertThat(Literals.decimal(-0.5)).isEqualTo("-0.5");
    assertThat(Literals.decimal(Double.NaN)).isEqualTo("Double.NaN");
    assertThat(Literals.decimal(Double.POSITIVE_INFINITY)).isEqualTo("Double.POSITIVE_INFINITY");
  }

  @Test
  void complementIsExactOnDecimals() {
    // As doubles, 1 - 0.2 is 0.8 but 1 - 0.7 is 0.30000000000000004.
    assertThat(Literals.complement(0.2)).isEqualTo("0.8");
    assertThat(Literals.complement(0.7)).isEqualTo("0.3");
    assertThat(Literals.complement(0.35)).isEqualTo("0.65");
    assertThat(Literals.complement(0)).isEqualTo("1.0");
  }

  @Test
  void percentagesForComments() {
    assertThat(Literals.percent(0.2)).isEqualTo("20%");
    assertThat(Literals.percent(0.125)).isEqualTo("12.5%");
  }

  @Test
  void charactersAreEscaped() {
    assertThat(Literals.character(';')).isEqualTo("';'");
    assertThat(Literals.character('\t')).isEqualTo("'\\t'");
    assertThat(Literals.character('\'')).isEqualTo("'\\''");
    assertThat(Literals.character('\\')).isEqualTo("'\\\\'");
    assertThat(Literals.character('\u00a7')).isEqualTo("'\\u00a7'");
  }
}
