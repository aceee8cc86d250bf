package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  private static List<CsvRecords.Record> records(String csv) throws IOException {
    CsvRecords records = new CsvRecords(new StringReader(csv), ',');
    List<CsvRecords.Record> all = new ArrayList<>();
    for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
      all.add(record);
    }
    return all;
  }

  @Test
  void quotedValuesHoldDelimitersLineBreaksAndQuotes() throws IOException {
    List<CsvRecords.Record> records = records("text,label\n"
        + "\"Good, really.\nSecond line\",pos\n"
        + "\"She said \"\"no\"\"\",neg\n"
        + "plain , neg \n");
    assertEquals(List.of(
        new CsvRecords.Record(1, List.of("text", "label")),
        new CsvRecords.Record(2, List.of("Good, really.\nSecond line", "pos")),
        new CsvRecords.Record(4, List.of("She said \"no\"", "neg")),
        new CsvRecords.Record(5, List.of("plain", "neg"))), records);
  }

  @Test
  void linesEndWithLfCrlfOrCrAndQuotedLineBreaksAreKeptAsTheyAre() throws IOException {
    List<CsvRecords.Record> records = records("a,b\r\n\"x\r\ny\",1\r\"p\rq\",2\rlast,3");
    assertEquals(List.of(
        new CsvRecords.Record(1, List.of("a", "b")),
        new CsvRecords.Record(2, List.of("x\r\ny", "1")),
        new CsvRecords.Record(4, List.of("p\rq", "2")),
        new CsvRecords.Record(6, List.of("last", "3"))), records);
  }

  @Test
  void skipsBlankLinesAndTheByteOrderMarkButKeepsEmptyValues() throws IOException {
    List<CsvRecords.Record> records = records("\uFEFFa,b\n\n   \n,x\n\"\",\n\"\"\n");
    assertEquals(List.of(
        new CsvRecords.Record(1, List.of("a", "b")),
        new CsvRecords.Record(4, List.of("", "x")),
        new CsvRecords.Record(5, List.of("", "")),
        new CsvRecords.Record(6, List.of(""))), records);
  }

  @Test
  void spacesAroundAQuotedValueAreDroppedAndInsideKept() throws IOException {
    assertEquals(List.of("  in side  ", "b"), records("  \"  in side  \"  ,b").get(0).values());
  }

  @Test
  void longRecordsCrossTheReadBuffer() throws IOException {
    String text = "word ".repeat(5_000) + "\n" + "more, text ".repeat(2_000);
    List<CsvRecords.Record> records = records("text,label\n\"" + text + "\",pos\nshort,neg\n");
    assertEquals(text, records.get(1).values().get(0));
    assertEquals(List.of("short", "neg"), records.get(2).values());
    assertEquals(4, records.get(2).line());
  }

  @Test
  void anUnclosedQuoteNamesTheLineItOpensOn() {
    CsvRecords.FormatException e = assertThrows(CsvRecords.FormatException.class,
        () -> records("a,b\n1,2\n\"open,3\n4,5\n"));
    assertEquals("line 3: a quoted value is not closed. Close it with '\"', and write a quote inside a"
        + " quoted value as '\"\"'", e.getMessage());
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    CsvRecords.FormatException e = assertThrows(CsvRecords.FormatException.class,
        () -> records("a,b\n\"x\"y,2\n"));
    assertEquals("line 2: a quoted value must be followed by ',' or the end of the line", e.getMessage());
  }
}
