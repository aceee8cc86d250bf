package dev.deepbuild.runtime.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryResolverTest {
  @TempDir Path home;
  @TempDir Path project;
  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();
  private final List<String> commandsRun = new ArrayList<>();
  private String npmOutput;

  private Optional<Registry> resolve() throws IOException {
    return resolver().resolve();
  }

  private RegistryResolver resolver() {
    CommandRunner npm = (command, directory, timeout) -> {
      commandsRun.add(String.join(" ", command) + " in " + directory);
      return Optional.ofNullable(npmOutput);
    };
    return new RegistryResolver(properties::get, environment, project, home, npm);
  }

  private void npmrc(Path folder, String content) throws IOException {
    Files.writeString(folder.resolve(".npmrc"), content);
  }

  private static Registry registry(String address, String source) {
    return new Registry(URI.create(address), source);
  }

  @Test
  void theSystemPropertyComesFirst() throws IOException {
    properties.put("deepbuild.datasets.registry", "http://127.0.0.1:1/mirror/");
    environment.put("npm_config_registry", "http://env.example/");
    npmrc(project, "registry=http://project.example/\n");

    assertEquals(Optional.of(registry("http://127.0.0.1:1/mirror/",
        "system property deepbuild.datasets.registry")), resolve());
    assertEquals(List.of(), commandsRun);
  }

  @Test
  void thenTheEnvironmentLowerCaseBeforeUpperCase() throws IOException {
    environment.put("NPM_CONFIG_REGISTRY", "http://upper.example/");
    npmrc(project, "registry=http://project.example/\n");
    assertEquals(Optional.of(registry("http://upper.example/",
        "environment variable NPM_CONFIG_REGISTRY")), resolve());

    environment.put("npm_config_registry", "http://lower.example/");
    assertEquals(Optional.of(registry("http://lower.example/",
        "environment variable npm_config_registry")), resolve());
  }

  @Test
  void thenTheProjectsNpmrcBeforeTheUsers() throws IOException {
    npmrc(home, "registry=http://user.example/\n");
    npmrc(project, "; a comment\n# registry=http://commented.example/\n"
        + "@stdlib:registry=http://scoped.example/\nregistry = http://project.example/npm/\n");

    assertEquals(Optional.of(registry("http://project.example/npm/",
        project.resolve(".npmrc").toString())), resolve());
  }

  @Test
  void thenTheUsersNpmrcWithQuotesVariablesAndTheLastLineWinning() throws IOException {
    environment.put("MIRROR_HOST", "mirror.example");
    npmrc(project, "save-exact=true\n");
    npmrc(home, "registry=http://old.example/\nregistry=\"https://${MIRROR_HOST}/npm/\"\n");

    assertEquals(Optional.of(registry("https://mirror.example/npm/", home.resolve(".npmrc").toString())),
        resolve());
  }

  @Test
  void theUserConfigCanBeMovedAsNpmAllows() throws IOException {
    Path elsewhere = Files.writeString(project.resolve("user.npmrc"), "registry=http://moved.example/\n");
    npmrc(home, "registry=http://user.example/\n");
    environment.put("npm_config_userconfig", elsewhere.toString());

    assertEquals(Optional.of(registry("http://moved.example/", elsewhere.toString())), resolve());
  }

  @Test
  void lastTheOutputOfNpmRunInTheProject() throws IOException {
    npmOutput = "http://from-npm.example/\n";

    assertEquals(Optional.of(registry("http://from-npm.example/", "npm config get registry")), resolve());
    String npm = System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
    assertEquals(List.of(npm + " config get registry in " + project), commandsRun);
  }

  @Test
  void noneWhenNothingNamesARegistry() throws IOException {
    npmOutput = "undefined\n";
    assertEquals(Optional.empty(), resolve());

    npmOutput = null; // npm missing, failed or timed out
    assertEquals(Optional.empty(), resolve());
    assertEquals("system property deepbuild.datasets.registry, environment variables "
        + "npm_config_registry and NPM_CONFIG_REGISTRY, " + project.resolve(".npmrc") + ", "
        + home.resolve(".npmrc") + " and the output of `npm config get registry`", resolver().searched());
  }

  @Test
  void anAddressThatIsNotHttpNamesItsSource() throws IOException {
    npmrc(home, "registry=file:///srv/npm\n");

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, this::resolve);

    assertEquals("'file:///srv/npm' (from " + home.resolve(".npmrc")
        + ") is not an http or https URL of an npm registry", failure.getMessage());
  }

  @Test
  void theTarballUrlJoinsTheAddressAndThePathWithOneSlash() {
    NpmPackage scoped = new NpmPackage("@scope/pkg", "1.2.3");
    assertEquals(URI.create("http://h.example/npm/@scope/pkg/-/pkg-1.2.3.tgz"),
        registry("http://h.example/npm", "test").tarball(scoped));
    assertEquals(URI.create("http://h.example/npm/@scope/pkg/-/pkg-1.2.3.tgz"),
        registry("http://h.example/npm/", "test").tarball(scoped));
  }
}
