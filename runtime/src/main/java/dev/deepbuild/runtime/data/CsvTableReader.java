package dev.deepbuild.runtime.data;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV table of a {@link CsvSource} from a file or a classpath resource: UTF-8, blank lines
 * skipped, cells trimmed, every row with as many columns as the first, and no header row read as
 * data.
 */
public final class CsvTableReader {
  private final Path baseDir;
  private final ClassLoader resources;

  /**
   * @param baseDir the project's base directory, which relative file paths are resolved against
   * @param resources where classpath resources are looked up
   */
  public CsvTableReader(Path baseDir, ClassLoader resources) {
    this.baseDir = baseDir.toAbsolutePath();
    this.resources = resources;
  }

  /** Reads the table; {@code model} names the model in messages. */
  public CsvTable read(String model, CsvSource source) {
    try (BufferedReader reader = open(model, source)) {
      return parse(model, source, reader);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot read " + source.describe() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a table from an open stream that is neither a file nor a resource, such as an entry of a
   * dataset's archive; {@code source} names it in messages. The stream is not closed.
   */
  public static CsvTable parse(String model, CsvSource source, InputStream in) throws IOException {
    return parse(model, source, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
  }

  private BufferedReader open(String model, CsvSource source) throws IOException {
    InputStream in = source.classpathResource() ? openResource(model, source) : openFile(model, source);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private InputStream openFile(String model, CsvSource source) throws IOException {
    Path path = baseDir.resolve(source.location()).normalize();
    try {
      if (Files.isDirectory(path)) {
        throw new InvalidInputException(model + ": the data " + source.describe() + " is a directory: "
            + path + ". Set @CsvData(file = ...) to a CSV file.");
      }
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(model + ": the data " + source.describe() + " does not exist: "
          + path + " was tried. Give @CsvData(file = ...) as a path relative to the project base"
          + " directory " + baseDir + " (or an absolute path), or put the file on the class path"
          + " (src/main/resources) and use @CsvData(resource = ...).");
    }
  }

  private InputStream openResource(String model, CsvSource source) throws IOException {
    // ClassLoader names have no leading slash; Class.getResource-style names do.
    String name = source.location().startsWith("/") ? source.location().substring(1) : source.location();
    URL url = resources.getResource(name);
    if (url == null) {
      throw new InvalidInputException(model + ": the data " + source.describe() + " is not on the"
          + " class path: the resource name '" + name + "' was looked up. Put the file at"
          + " src/main/resources/" + name + ", or use @CsvData(file = ...) with a path relative to"
          + " the project base directory " + baseDir + ".");
    }
    return url.openStream();
  }

  private static CsvTable parse(String model, CsvSource source, BufferedReader reader)
      throws IOException {
    CsvLineParser parser = new CsvLineParser(source.delimiter());
    List<String> header = List.of();
    List<CsvTable.Row> rows = new ArrayList<>();
    int firstLine = 0;
    int columns = -1;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(model, source, parser, line, lineNumber);
      if (columns < 0) {
        columns = cells.size();
        firstLine = lineNumber;
      } else if (cells.size() != columns) {
        throw new InvalidInputException(model + ": " + source.describe() + " line " + lineNumber
            + " has " + cells.size() + " columns but line " + firstLine + " has " + columns
            + ". Fix line " + lineNumber + " so that it holds " + columns + " values separated by '"
            + source.delimiter() + "' (quote a value that contains '" + source.delimiter() + "').");
      }
      if (source.header() && header.isEmpty()) {
        header = cells;
      } else {
        rows.add(new CsvTable.Row(lineNumber, cells));
      }
    }
    if (rows.isEmpty()) {
      // Only a header that was read can have rows below it.
      throw new InvalidInputException(model + ": " + source.describe()
          + (header.isEmpty() ? " is empty" : " has no data rows below its header")
          + ". Add samples to it, or point @CsvData at the file that holds them.");
    }
    UndeclaredHeader.check(model, source, rows);
    return new CsvTable(source, header, rows);
  }

  private static List<String> split(
      String model, CsvSource source, CsvLineParser parser, String line, int lineNumber) {
    try {
      return parser.split(line);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(model + ": " + source.describe() + " line " + lineNumber + ": "
          + e.getMessage() + ". Close the quote with '\"', and write a quote inside a quoted value as"
          + " '\"\"'.");
    }
  }
}
