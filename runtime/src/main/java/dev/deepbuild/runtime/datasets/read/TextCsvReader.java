package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads labelled texts from a UTF-8 CSV file with a header row ({@link CsvRecords}: quoted values
 * may hold commas and line breaks); the text and label columns are found by their header names.
 */
final class TextCsvReader {
  private TextCsvReader() {}

  /** Each of {@code fields}, a value per row, by its name. */
  static FieldedTexts readFields(String model, Path file, List<FileField> fields) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(model, file, new CsvRecords(reader, ','), fields);
    } catch (CsvRecords.FormatException e) {
      throw new InvalidInputException(model + ": the text file " + file + ", " + e.getMessage() + ".", e);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(model + ": the text file " + file + " is not UTF-8 text. Save"
          + " it as UTF-8.", e);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot read the text file " + file + ": " + e, e);
    }
  }

  private static FieldedTexts parse(String model, Path file, CsvRecords records,
      List<FileField> fields) throws IOException {
    CsvRecords.Record header = records.next();
    if (header == null) {
      throw new InvalidInputException(model + ": the text file " + file + " is empty. Give it a"
          + " header row naming the columns, such as '" + String.join(",",
              fields.stream().map(FileField::name).toList()) + "', and a row per text.");
    }
    List<Integer> columns = new ArrayList<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (FileField field : fields) {
      columns.add(column(model, file, header, field));
      values.put(field.name(), new ArrayList<>());
    }
    int rows = 0;
    for (CsvRecords.Record row = records.next(); row != null; row = records.next()) {
      if (row.values().size() != header.values().size()) {
        throw new InvalidInputException(model + ": the text file " + file + ", line " + row.line()
            + " has " + row.values().size() + " values but the header has "
            + header.values().size() + ". Quote a value that holds a comma or a line break with"
            + " '\"', and write a quote inside it as '\"\"'.");
      }
      for (int f = 0; f < fields.size(); f++) {
        FileField field = fields.get(f);
        String value = row.values().get(columns.get(f));
        if (!field.text() && value.isEmpty()) {
          throw new InvalidInputException(model + ": the text file " + file + ", line "
              + row.line() + " has no label in column '" + field.name() + "'. Give every text"
              + " its class.");
        }
        values.get(field.name()).add(value);
      }
      rows++;
    }
    if (rows == 0) {
      throw new InvalidInputException(model + ": the text file " + file + " has no rows below its"
          + " header. Add the texts, one row each.");
    }
    return FieldedTexts.of(fields, values);
  }

  private static int column(String model, Path file, CsvRecords.Record header, FileField field) {
    int column = header.values().indexOf(field.name());
    if (column < 0) {
      throw new InvalidInputException(model + ": the text file " + file + " has no column '"
          + field.name() + "'; its header names " + header.values() + ". Set " + field.setting()
          + " to one of them, or rename the column in the header.");
    }
    return column;
  }
}
