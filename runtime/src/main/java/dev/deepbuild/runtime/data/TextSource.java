package dev.deepbuild.runtime.data;

import java.util.Objects;

/**
 * The user's own labelled texts, as {@code @TextData} describes them: a folder with a sub-folder
 * per class, or a CSV or JSON file with a text field and a label field.
 *
 * @param location the folder or file, relative to the project's base directory unless absolute
 * @param folder whether {@code location} is a folder of class folders
 * @param textField the field holding the text, in a file
 * @param labelField the field holding the class, in a file
 */
public record TextSource(String location, boolean folder, String textField, String labelField)
    implements DataSource {

  public TextSource {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(textField, "textField");
    Objects.requireNonNull(labelField, "labelField");
  }

  /** A folder with one sub-folder per class, each file in it one text. */
  public static TextSource folder(String path) {
    return new TextSource(path, true, "text", "label");
  }

  /** A CSV file with a header row, or a JSON array of objects. */
  public static TextSource file(String path) {
    return new TextSource(path, false, "text", "label");
  }

  public TextSource fields(String text, String label) {
    return new TextSource(location, folder, text, label);
  }

  @Override
  public String describe() {
    return (folder ? "text folder " : "text file ") + location;
  }

  @Override
  public String shortName() {
    return location;
  }

  @Override
  public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
    return visitor.text(this);
  }
}
