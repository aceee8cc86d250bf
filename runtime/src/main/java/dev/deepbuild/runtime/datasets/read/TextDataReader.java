package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.TextSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads the user's own labelled texts, as {@code @TextData} describes them: a folder with a
 * sub-folder per class ({@link TextFolderReader}), a CSV file with a header
 * ({@link TextCsvReader}) or a JSON array of objects ({@link TextJsonReader}). Classes are ordered
 * by name. A missing folder, file or field is an {@link InvalidInputException} that names the
 * model, the path and the fix.
 */
public final class TextDataReader {
  private final Path baseDir;

  /** @param baseDir the project's base directory, which relative paths are resolved against */
  public TextDataReader(Path baseDir) {
    this.baseDir = baseDir.toAbsolutePath();
  }

  /** Reads the texts; {@code model} names the model in messages. */
  public LabelledTexts read(String model, TextSource source) {
    Path path = existing(model, source);
    if (source.folder()) {
      if (!Files.isDirectory(path)) {
        throw new InvalidInputException(model + ": the " + source.describe() + " is a file, not a"
            + " folder: " + path + ". Use @TextData(file = ...) for a CSV or JSON file, or point"
            + " @TextData(folder = ...) at a folder with one sub-folder per class.");
      }
      return TextFolderReader.read(model, path);
    }
    FieldedTexts fields = format(model, source, path).read(model, path,
        List.of(FileField.text(source.textField(), "@TextData(textField = ...)"),
            FileField.label(source.labelField(), "@TextData(labelField = ...)")));
    return LabelledTexts.byClassName(fields.texts().get(source.textField()),
        fields.labels().get(source.labelField()));
  }

  /**
   * Reads the named fields of a file, for a functional model: each input's text field and each
   * output's label field.
   *
   * @param textFields the text fields, which {@code @Input(field = ...)} names
   * @param labelFields the label fields, which {@code @Output(field = ...)} names
   */
  public FieldedTexts readFields(String model, TextSource source, Collection<String> textFields,
      Collection<String> labelFields) {
    Path path = existing(model, source);
    if (source.folder()) {
      throw new InvalidInputException(model + ": a functional model reads named fields of a file,"
          + " and the " + source.describe() + " is a folder of classes. Point @TextData(file ="
          + " ...) at a .csv or .json file with the fields its @Inputs and @Outputs name.");
    }
    List<FileField> fields = new ArrayList<>();
    new LinkedHashSet<>(textFields).forEach(name ->
        fields.add(FileField.text(name, "@Input(field = ...)")));
    new LinkedHashSet<>(labelFields).forEach(name ->
        fields.add(FileField.label(name, "@Output(field = ...)")));
    return format(model, source, path).read(model, path, fields);
  }

  /** The path of the folder or file, which exists. */
  private Path existing(String model, TextSource source) {
    Path path = baseDir.resolve(source.location()).normalize();
    String attribute = source.folder() ? "folder" : "file";
    if (!Files.exists(path)) {
      throw new InvalidInputException(model + ": the " + source.describe() + " does not exist: "
          + path + " was tried. Give @TextData(" + attribute + " = ...) as a path relative to the"
          + " project base directory " + baseDir + ", or an absolute path.");
    }
    return path;
  }

  /** How a file is read, by its name's ending. */
  private static Fielded format(String model, TextSource source, Path path) {
    if (Files.isDirectory(path)) {
      throw new InvalidInputException(model + ": the " + source.describe() + " is a folder: " + path
          + ". Use @TextData(folder = ...) for a folder with one sub-folder per class, or point"
          + " @TextData(file = ...) at a .csv or .json file.");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return TextCsvReader::readFields;
    }
    if (name.endsWith(".json")) {
      return TextJsonReader::readFields;
    }
    throw new InvalidInputException(model + ": the " + source.describe() + " is neither a .csv"
        + " nor a .json file: " + path + ". Save the texts as CSV with a header row or as a JSON"
        + " array of objects, with a name ending in .csv or .json.");
  }

  /** A file format's reader of named fields. */
  private interface Fielded {
    FieldedTexts read(String model, Path file, List<FileField> fields);
  }
}
