package dev.deepbuild.runtime.datasets.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code registry} setting of one {@code .npmrc}, read as npm reads it: {@code key = value}
 * lines, comments starting with {@code ;} or {@code #}, an optional pair of quotes, {@code ${VAR}}
 * replaced from the environment, the last line winning.
 */
final class NpmrcFile {
  private static final Pattern REGISTRY_LINE = Pattern.compile("\\s*registry\\s*=(.*)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private NpmrcFile() {}

  /**
   * The file's registry address, empty when the file or the line is absent.
   *
   * @throws IOException when the file exists but cannot be read
   */
  static Optional<String> registry(Path npmrc, Map<String, String> environment) throws IOException {
    if (!Files.isRegularFile(npmrc)) {
      return Optional.empty();
    }
    String found = null;
    for (String line : Files.readAllLines(npmrc, StandardCharsets.UTF_8)) {
      Matcher matcher = REGISTRY_LINE.matcher(line);
      if (matcher.matches()) {
        found = unquote(matcher.group(1).strip());
      }
    }
    return Optional.ofNullable(found).map(value -> expand(value, environment))
        .filter(value -> !value.isBlank());
  }

  private static String unquote(String value) {
    boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }

  private static String expand(String value, Map<String, String> environment) {
    return VARIABLE.matcher(value).replaceAll(
        variable -> Matcher.quoteReplacement(environment.getOrDefault(variable.group(1), "")));
  }
}
