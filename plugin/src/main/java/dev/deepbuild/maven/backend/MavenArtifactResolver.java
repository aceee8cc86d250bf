package dev.deepbuild.maven.backend;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Resolves through Maven's own resolver, from the project's remote repositories as the user's
 * settings and pom configure them (mirrors, proxies, credentials, offline mode included), into the
 * build's local repository.
 */
public final class MavenArtifactResolver implements ArtifactResolver {
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  public MavenArtifactResolver(RepositorySystem system, RepositorySystemSession session,
      List<RemoteRepository> repositories) {
    this.system = system;
    this.session = session;
    this.repositories = List.copyOf(repositories);
  }

  @Override
  public List<ClasspathArtifact> resolve(List<Coordinates> roots, boolean transitive)
      throws MojoExecutionException {
    try {
      List<ArtifactResult> results = transitive ? dependencies(roots) : artifacts(roots);
      List<ClasspathArtifact> resolved = new ArrayList<>();
      for (ArtifactResult result : results) {
        Artifact artifact = result.getArtifact();
        resolved.add(new ClasspathArtifact(new Coordinates(artifact.getGroupId(),
            artifact.getArtifactId(), artifact.getBaseVersion(), artifact.getClassifier()),
            artifact.getFile().toPath()));
      }
      return resolved;
    } catch (DependencyResolutionException | ArtifactResolutionException e) {
      throw new MojoExecutionException("Cannot resolve " + roots + " for the training JVM from the"
          + " project's repositories: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Coordinates> dependencyGraph(Coordinates root) throws MojoExecutionException {
    CollectRequest collect = new CollectRequest(new Dependency(artifact(root), "runtime"),
        repositories);
    try {
      List<Coordinates> graph = new ArrayList<>();
      walk(system.collectDependencies(session, collect).getRoot(), graph);
      return graph;
    } catch (DependencyCollectionException e) {
      throw new MojoExecutionException("Cannot read the dependencies of " + root + " from the"
          + " project's repositories: " + e.getMessage(), e);
    }
  }

  private static void walk(DependencyNode node, List<Coordinates> graph) {
    Artifact artifact = node.getArtifact();
    if (artifact != null) {
      graph.add(new Coordinates(artifact.getGroupId(), artifact.getArtifactId(),
          artifact.getBaseVersion(), artifact.getClassifier()));
    }
    node.getChildren().forEach(child -> walk(child, graph));
  }

  private List<ArtifactResult> dependencies(List<Coordinates> roots)
      throws DependencyResolutionException {
    // The roots name the classifiers they need: nd4j-cuda-11.6's pom also names its own natives of
    // this platform (without cuDNN, 600 MB), which must not come along with the -cudnn ones.
    List<Exclusion> ownArtifacts = roots.stream()
        .map(root -> new Exclusion(root.groupId(), root.artifactId(), "*", "*")).distinct().toList();
    CollectRequest collect = new CollectRequest();
    roots.forEach(root -> collect.addDependency(
        new Dependency(artifact(root), "runtime", false, ownArtifacts)));
    collect.setRepositories(repositories);
    // No filter: the session's selector already leaves out test, provided and optional
    // dependencies below the roots, and Maven does not export resolver-util (its filters) to
    // plugins.
    DependencyRequest request = new DependencyRequest(collect, null);
    return system.resolveDependencies(session, request).getArtifactResults();
  }

  private List<ArtifactResult> artifacts(List<Coordinates> roots) throws ArtifactResolutionException {
    List<ArtifactRequest> requests = roots.stream()
        .map(root -> new ArtifactRequest(artifact(root), repositories, null)).toList();
    return system.resolveArtifacts(session, requests);
  }

  private static Artifact artifact(Coordinates coordinates) {
    return new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(),
        coordinates.classifier(), "jar", coordinates.version());
  }
}
