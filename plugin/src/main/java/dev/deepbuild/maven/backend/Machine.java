package dev.deepbuild.maven.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The machine the build runs on, as far as a backend's natives care: its operating system and
 * architecture, and which files exist (the NVIDIA driver's). The files are asked through a
 * predicate so that a test can describe a machine with a GPU on one without.
 *
 * @param osName {@code os.name}, such as {@code Linux} or {@code Windows 11}
 * @param osArch {@code os.arch}, such as {@code amd64} or {@code aarch64}
 * @param systemRoot Windows' {@code SystemRoot} folder; unused elsewhere
 * @param exists whether a file exists on this machine
 */
public record Machine(String osName, String osArch, Path systemRoot, Predicate<Path> exists) {

  /** The machine this JVM runs on. */
  public static Machine current() {
    String root = System.getenv("SystemRoot");
    return new Machine(System.getProperty("os.name"), System.getProperty("os.arch"),
        Path.of(root == null ? "C:\\Windows" : root), Files::exists);
  }

  public boolean linux() {
    return osName.toLowerCase(Locale.ROOT).startsWith("linux");
  }

  public boolean windows() {
    return osName.toLowerCase(Locale.ROOT).startsWith("windows");
  }

  public boolean x86_64() {
    return osArch.equals("amd64") || osArch.equals("x86_64");
  }

  /**
   * JavaCPP's name of this platform when it is one of {@code linux-x86_64} and {@code
   * windows-x86_64}, the two that ND4J's CUDA backend ships natives for; empty otherwise.
   */
  public Optional<String> x86_64Platform() {
    if (!x86_64()) {
      return Optional.empty();
    }
    return linux() ? Optional.of("linux-x86_64")
        : windows() ? Optional.of("windows-x86_64") : Optional.empty();
  }

  /** {@code os.name os.arch}, as messages name the machine. */
  public String describe() {
    return osName + " " + osArch;
  }
}
