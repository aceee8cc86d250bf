package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.runtime.DeepBuildException;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled texts from a UTF-8 CSV file with a header row ({@link CsvRecords}: quoted values
 * may hold commas and line breaks); the text and label columns are found by their header names.
 */
final class TextCsvReader {
  private TextCsvReader() {}

  static LabelledTexts read(String model, Path file, String textField, String labelField) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(model, file, new CsvRecords(reader, ','), textField, labelField);
    } catch (CsvRecords.FormatException e) {
      throw new InvalidInputException(model + ": the text file " + file + ", " + e.getMessage() + ".", e);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(model + ": the text file " + file + " is not UTF-8 text. Save"
          + " it as UTF-8.", e);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot read the text file " + file + ": " + e, e);
    }
  }

  private static LabelledTexts parse(String model, Path file, CsvRecords records, String textField,
      String labelField) throws IOException {
    CsvRecords.Record header = records.next();
    if (header == null) {
      throw new InvalidInputException(model + ": the text file " + file + " is empty. Give it a"
          + " header row naming the columns, such as '" + textField + "," + labelField + "', and"
          + " a row per text.");
    }
    int textColumn = column(model, file, header, textField, "textField");
    int labelColumn = column(model, file, header, labelField, "labelField");
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (CsvRecords.Record row = records.next(); row != null; row = records.next()) {
      if (row.values().size() != header.values().size()) {
        throw new InvalidInputException(model + ": the text file " + file + ", line " + row.line()
            + " has " + row.values().size() + " values but the header has "
            + header.values().size() + ". Quote a value that holds a comma or a line break with"
            + " '\"', and write a quote inside it as '\"\"'.");
      }
      String label = row.values().get(labelColumn);
      if (label.isEmpty()) {
        throw new InvalidInputException(model + ": the text file " + file + ", line " + row.line()
            + " has no label in column '" + labelField + "'. Give every text its class.");
      }
      texts.add(row.values().get(textColumn));
      labels.add(label);
    }
    if (texts.isEmpty()) {
      throw new InvalidInputException(model + ": the text file " + file + " has no rows below its"
          + " header. Add the texts, one row each.");
    }
    return LabelledTexts.byClassName(texts, labels);
  }

  private static int column(String model, Path file, CsvRecords.Record header, String name,
      String attribute) {
    int column = header.values().indexOf(name);
    if (column < 0) {
      throw new InvalidInputException(model + ": the text file " + file + " has no column '" + name
          + "'; its header names " + header.values() + ". Set @TextData(" + attribute + " = ...) to"
          + " one of them, or rename the column in the header.");
    }
    return column;
  }
}
