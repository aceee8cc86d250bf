package dev.deepbuild.maven.backend;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/** Resolves artifacts to files, from the repositories the build is configured with. */
public interface ArtifactResolver {

  /**
   * The files of {@code roots} and, when {@code transitive}, of their runtime dependencies.
   *
   * @throws MojoExecutionException when an artifact cannot be resolved
   */
  List<ClasspathArtifact> resolve(List<Coordinates> roots, boolean transitive)
      throws MojoExecutionException;

  /**
   * The coordinates of {@code root} and of its runtime dependencies, as Maven would resolve them,
   * without downloading their files.
   *
   * @throws MojoExecutionException when the dependency graph cannot be read
   */
  List<Coordinates> dependencyGraph(Coordinates root) throws MojoExecutionException;
}
