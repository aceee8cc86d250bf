package dev.deepbuild.runtime.datasets.fetch;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of an npm package, and the names npm gives its tarball. For {@code @scope/pkg} at
 * {@code 1.0.0} the registry serves {@code @scope/pkg/-/pkg-1.0.0.tgz} and {@code npm pack} writes
 * {@code scope-pkg-1.0.0.tgz}; without a scope both are {@code pkg-1.0.0.tgz}.
 *
 * @param name the package name, with its scope if it has one
 * @param version an exact version, never a range
 */
public record NpmPackage(String name, String version) {
  // Lower case and URL-safe, as npm requires of new names; no '/' or leading '.', so a name can
  // never walk out of the cache or offline folder when it becomes a file name.
  private static final Pattern NAME =
      Pattern.compile("(?:@([a-z0-9][a-z0-9._~-]*)/)?([a-z0-9][a-z0-9._~-]*)");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]*");

  public NpmPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not an npm package name");
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("'" + version + "' is not an exact version of " + name);
    }
  }

  /** The scope without {@code @}, or null for an unscoped package. */
  public String scope() {
    return matcher().group(1);
  }

  /** The name without its scope. */
  public String basename() {
    return matcher().group(2);
  }

  /** {@code name@version}, as {@code npm pack} and {@code npm view} take it. */
  public String spec() {
    return name + "@" + version;
  }

  /** The tarball's path below the registry address: {@code <name>/-/<basename>-<version>.tgz}. */
  public String registryPath() {
    return name + "/-/" + registryFileName();
  }

  /** The last segment of {@link #registryPath()}: {@code <basename>-<version>.tgz}. */
  public String registryFileName() {
    return basename() + "-" + version + ".tgz";
  }

  /** The file {@code npm pack <spec>} writes: {@code <scope>-<basename>-<version>.tgz} if scoped. */
  public String packFileName() {
    String scope = scope();
    return (scope == null ? "" : scope + "-") + registryFileName();
  }

  @Override
  public String toString() {
    return spec();
  }

  private Matcher matcher() {
    Matcher matcher = NAME.matcher(name);
    matcher.matches();
    return matcher;
  }
}
