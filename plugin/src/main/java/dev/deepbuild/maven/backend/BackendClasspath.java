package dev.deepbuild.maven.backend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The training JVM's class path on a backend: the project's class path without the artifacts the
 * backend removes, followed by those it adds with their dependencies, less any the class path
 * already holds in some version (the project's version wins, as Maven's nearest does), and by the
 * extra artifacts the training asks for ({@link ParallelTraining}), which need nothing more.
 */
public final class BackendClasspath {
  private final Backend backend;
  private final Machine machine;
  private final BackendOptions options;
  private final ArtifactResolver resolver;

  public BackendClasspath(Backend backend, Machine machine, BackendOptions options,
      ArtifactResolver resolver) {
    this.backend = backend;
    this.machine = machine;
    this.options = options;
    this.resolver = resolver;
  }

  /**
   * @param classpath the project's class path, in order, its own classes first
   * @param artifacts the project's artifacts on {@code classpath}, by coordinates
   * @param extra artifacts to add without their dependencies
   * @throws MojoExecutionException when the machine cannot run the backend (checked before
   *     anything is resolved) or an artifact cannot be resolved
   */
  public List<Path> apply(List<Path> classpath, List<ClasspathArtifact> artifacts,
      List<Coordinates> extra) throws MojoExecutionException {
    return elements(classpath, artifacts, extra).stream().map(ClasspathArtifact::file).toList();
  }

  /**
   * The class path {@link #apply} gives, each element with its coordinates, or null ones for an
   * element that is no artifact (the project's classes).
   */
  public List<ClasspathArtifact> elements(List<Path> classpath, List<ClasspathArtifact> artifacts,
      List<Coordinates> extra) throws MojoExecutionException {
    backend.check(machine);
    Set<Path> removed = new HashSet<>();
    Set<String> present = new HashSet<>();
    Map<Path, Coordinates> known = new HashMap<>();
    for (ClasspathArtifact artifact : artifacts) {
      known.putIfAbsent(artifact.file(), artifact.coordinates());
      if (backend.removes(artifact.coordinates())) {
        removed.add(artifact.file());
      } else {
        present.add(artifact.coordinates().key());
      }
    }
    List<ClasspathArtifact> result = new ArrayList<>();
    for (Path element : classpath) {
      if (!removed.contains(element)) {
        result.add(new ClasspathArtifact(known.get(element), element));
      }
    }
    List<Coordinates> added = backend.adds(machine, options);
    if (!added.isEmpty()) {
      append(result, present, resolver.resolve(added, true));
    }
    List<Coordinates> missing = extra.stream().filter(c -> !present.contains(c.key())).toList();
    if (!missing.isEmpty()) {
      append(result, present, resolver.resolve(missing, false));
    }
    return result;
  }

  private void append(List<ClasspathArtifact> result, Set<String> present,
      List<ClasspathArtifact> resolved) {
    for (ClasspathArtifact artifact : resolved) {
      if (!backend.removes(artifact.coordinates()) && present.add(artifact.coordinates().key())) {
        result.add(artifact);
      }
    }
  }
}
