package dev.deepbuild.runtime.datasets.read;

import java.util.Objects;

/**
 * A field of the user's text file that is read: its name, whether it holds a text or a class, and
 * the setting that names it, which a message about a missing field asks to change.
 *
 * @param name the field's name, a CSV header or a JSON key
 * @param text whether it holds texts (else classes, of which a JSON file may give numbers and
 *     booleans)
 * @param setting how a fix names the setting, such as {@code @TextData(textField = ...)}
 */
record FileField(String name, boolean text, String setting) {
  FileField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(setting, "setting");
  }

  static FileField text(String name, String setting) {
    return new FileField(name, true, setting);
  }

  static FileField label(String name, String setting) {
    return new FileField(name, false, setting);
  }
}
