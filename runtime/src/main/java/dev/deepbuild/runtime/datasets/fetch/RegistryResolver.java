package dev.deepbuild.runtime.datasets.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the npm registry the user configured; DeepBuild knows no registry address of its own.
 * Sources, first match wins:
 * <ol>
 *   <li>the system property {@value #PROPERTY} (for a mirror, or a test's local server);
 *   <li>the environment variable {@code npm_config_registry}, then {@code NPM_CONFIG_REGISTRY};
 *   <li>a {@code registry=} line of the project's {@code .npmrc} (in its base directory);
 *   <li>a {@code registry=} line of the user's {@code .npmrc}: the file named by
 *       {@code npm_config_userconfig} if set, else {@code ~/.npmrc};
 *   <li>the output of {@code npm config get registry}, run in the project's directory, which also
 *       covers npm's global configuration and its built-in default.
 * </ol>
 */
public final class RegistryResolver {
  /** The system property that names a registry before any npm configuration. */
  public static final String PROPERTY = "deepbuild.datasets.registry";
  private static final List<String> ENVIRONMENT = List.of("npm_config_registry", "NPM_CONFIG_REGISTRY");
  private static final List<String> USER_CONFIG = List.of("npm_config_userconfig", "NPM_CONFIG_USERCONFIG");
  // npm takes about a second to start; a hung one must not hang the build.
  private static final Duration NPM_TIMEOUT = Duration.ofSeconds(30);

  private final Function<String, String> systemProperties;
  private final Map<String, String> environment;
  private final Path projectDir;
  private final Path userHome;
  private final CommandRunner commands;

  /**
   * @param systemProperties looks up a system property, null when unset
   * @param environment the process environment
   * @param projectDir the project's base directory; null outside a project
   * @param userHome the user's home directory
   * @param commands runs {@code npm}
   */
  public RegistryResolver(Function<String, String> systemProperties, Map<String, String> environment,
      Path projectDir, Path userHome, CommandRunner commands) {
    this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
    this.environment = Map.copyOf(environment);
    this.projectDir = projectDir;
    this.userHome = Objects.requireNonNull(userHome, "userHome");
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  /** This JVM's properties, environment and home directory, and real npm. */
  public static RegistryResolver ofSystem(Path projectDir) {
    return new RegistryResolver(System::getProperty, System.getenv(), projectDir,
        Path.of(System.getProperty("user.home")), CommandRunner.processes());
  }

  /**
   * The first configured registry, empty when no source names one.
   *
   * @throws IOException when a {@code .npmrc} exists but cannot be read
   * @throws IllegalArgumentException when the first address found is not an http(s) URL; its
   *     message names the source
   */
  public Optional<Registry> resolve() throws IOException {
    String property = systemProperties.apply(PROPERTY);
    if (present(property)) {
      return Optional.of(registry(property, "system property " + PROPERTY));
    }
    for (String variable : ENVIRONMENT) {
      if (present(environment.get(variable))) {
        return Optional.of(registry(environment.get(variable), "environment variable " + variable));
      }
    }
    for (Path npmrc : npmrcFiles()) {
      Optional<String> address = NpmrcFile.registry(npmrc, environment);
      if (address.isPresent()) {
        return Optional.of(registry(address.get(), npmrc.toString()));
      }
    }
    return commands.output(npmCommand(), workingDir(), NPM_TIMEOUT)
        .map(String::strip)
        .filter(output -> present(output) && !output.equals("undefined") && !output.equals("null"))
        .map(output -> registry(output, "npm config get registry"));
  }

  /** Every place {@link #resolve()} looks, in order, for a message when none names a registry. */
  public String searched() {
    StringBuilder places = new StringBuilder("system property " + PROPERTY + ", environment variables "
        + String.join(" and ", ENVIRONMENT));
    for (Path npmrc : npmrcFiles()) {
      places.append(", ").append(npmrc);
    }
    return places.append(" and the output of `npm config get registry`").toString();
  }

  private List<Path> npmrcFiles() {
    Path user = USER_CONFIG.stream().map(environment::get).filter(RegistryResolver::present)
        .findFirst().map(Path::of).orElse(userHome.resolve(".npmrc"));
    return projectDir == null ? List.of(user) : List.of(projectDir.resolve(".npmrc"), user);
  }

  private Path workingDir() {
    return projectDir != null ? projectDir : userHome;
  }

  private static List<String> npmCommand() {
    // On Windows npm is a batch file, which ProcessBuilder starts only by its full name.
    String npm = System.getProperty("os.name", "").startsWith("Windows") ? "npm.cmd" : "npm";
    return List.of(npm, "config", "get", "registry");
  }

  private static Registry registry(String address, String source) {
    try {
      return new Registry(new URI(address.strip()), source);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + address + "' (from " + source
          + ") is not a URL of an npm registry: " + e.getReason(), e);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
