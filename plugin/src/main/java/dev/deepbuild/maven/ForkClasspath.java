package dev.deepbuild.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * The training JVM's class path: the project's runtime class path, as Surefire's fork gets the
 * test class path. DL4J logs through SLF4J; a project that chose no SLF4J binding gets the plugin's
 * no-operation one, so the build log holds DeepBuild's lines rather than SLF4J's warning about the
 * missing binding. A project that wants DL4J's own log adds a binding of its choice.
 */
final class ForkClasspath {
  private static final Set<String> SLF4J_BINDINGS = Set.of(
      "slf4j-nop", "slf4j-simple", "slf4j-jdk14", "slf4j-log4j12", "slf4j-reload4j",
      "logback-classic", "log4j-slf4j-impl", "log4j-slf4j2-impl");
  private static final String NOP_BINDING = "org.slf4j:slf4j-nop";

  private ForkClasspath() {}

  static List<Path> of(MavenProject project, List<Artifact> pluginArtifacts)
      throws MojoExecutionException {
    List<Path> classpath = new ArrayList<>();
    try {
      for (String element : project.getRuntimeClasspathElements()) {
        classpath.add(Path.of(element));
      }
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("Cannot resolve the runtime class path of "
          + project.getArtifactId() + ": " + e.getMessage(), e);
    }
    boolean hasBinding = project.getArtifacts().stream()
        .anyMatch(artifact -> SLF4J_BINDINGS.contains(artifact.getArtifactId()));
    if (!hasBinding) {
      pluginArtifacts.stream()
          .filter(artifact -> NOP_BINDING.equals(artifact.getGroupId() + ":" + artifact.getArtifactId()))
          .findFirst()
          .ifPresent(artifact -> classpath.add(artifact.getFile().toPath()));
    }
    return classpath;
  }
}
