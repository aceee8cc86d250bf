package dev.deepbuild.maven.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** Which artifacts each backend swaps on the training JVM's class path, and what it checks first. */
class BackendClasspathTest {
  private static final Path DRIVER = Path.of("/proc/driver/nvidia/version");
  private static final Machine LINUX_GPU = new Machine("Linux", "amd64", Path.of("C:\\Windows"),
      DRIVER::equals);
  private static final Machine LINUX_NO_GPU = new Machine("Linux", "amd64", Path.of("C:\\Windows"),
      path -> false);
  private static final Path WINDOWS_DRIVER = Path.of("D:\\Windows", "System32", "nvcuda.dll");
  private static final Machine WINDOWS_GPU = new Machine("Windows 11", "amd64",
      Path.of("D:\\Windows"), WINDOWS_DRIVER::equals);

  private static final ClasspathArtifact RUNTIME = artifact("dev.deepbuild", "deepbuild-runtime", "");
  private static final ClasspathArtifact ND4J_API = artifact("org.nd4j", "nd4j-api", "");
  private static final ClasspathArtifact NATIVE = artifact("org.nd4j", "nd4j-native", "");
  private static final ClasspathArtifact NATIVES =
      artifact("org.nd4j", "nd4j-native", "linux-x86_64-onednn");
  private static final ClasspathArtifact OPENBLAS = artifact("org.bytedeco", "openblas", "");
  private static final ClasspathArtifact OPENBLAS_NATIVES =
      artifact("org.bytedeco", "openblas", "linux-x86_64");
  private static final ClasspathArtifact JAVACPP = artifact("org.bytedeco", "javacpp", "");
  private static final List<ClasspathArtifact> PROJECT =
      List.of(RUNTIME, ND4J_API, NATIVE, NATIVES, OPENBLAS, OPENBLAS_NATIVES, JAVACPP);
  private static final Path CLASSES = Path.of("target/classes");

  /** Records what it is asked for and answers each root, plus a dependency shared with the project. */
  private static final class RecordingResolver implements ArtifactResolver {
    final List<Coordinates> asked = new ArrayList<>();

    @Override
    public List<ClasspathArtifact> resolve(List<Coordinates> roots, boolean transitive) {
      asked.addAll(roots);
      List<ClasspathArtifact> resolved = new ArrayList<>();
      roots.forEach(root -> resolved.add(new ClasspathArtifact(root, file(root))));
      if (transitive) {
        resolved.add(new ClasspathArtifact(Coordinates.jar("org.nd4j", "nd4j-api", "1.0.0-M2.1"),
            Path.of("repo/nd4j-api-other.jar")));
        resolved.add(new ClasspathArtifact(Coordinates.jar("org.bytedeco", "openblas", "0.3.19-1.5.7"),
            Path.of("repo/openblas-from-cuda.jar")));
        resolved.add(new ClasspathArtifact(
            Coordinates.jar("org.nd4j", "nd4j-cuda-11.6-preset", "1.0.0-M2.1"),
            Path.of("repo/nd4j-cuda-11.6-preset.jar")));
      }
      return resolved;
    }

    @Override
    public List<Coordinates> dependencyGraph(Coordinates root) {
      throw new AssertionError("a backend's class path reads no dependency graph");
    }
  }

  @Test
  void cpuKeepsTheProjectsClassPathAndResolvesNothing() throws MojoExecutionException {
    RecordingResolver resolver = new RecordingResolver();
    List<Path> classpath = classpath(Backend.CPU, LINUX_NO_GPU, false, resolver, List.of());

    assertEquals(projectClasspath(), classpath);
    assertTrue(resolver.asked.isEmpty());
  }

  @Test
  void cudaSwapsNd4jNativeAndOpenBlasForNd4jCudaWithCudnnAndCudasPresets()
      throws MojoExecutionException {
    RecordingResolver resolver = new RecordingResolver();
    List<Path> classpath = classpath(Backend.CUDA, LINUX_GPU, false, resolver, List.of());

    assertEquals(List.of(
        Coordinates.jar("org.nd4j", "nd4j-cuda-11.6", "1.0.0-M2.1"),
        new Coordinates("org.nd4j", "nd4j-cuda-11.6", "1.0.0-M2.1", "linux-x86_64-cudnn"),
        Coordinates.jar("org.bytedeco", "cuda", "11.6-8.3-1.5.7"),
        new Coordinates("org.bytedeco", "cuda", "11.6-8.3-1.5.7", "linux-x86_64")), resolver.asked);
    assertEquals(List.of(CLASSES, RUNTIME.file(), ND4J_API.file(), JAVACPP.file(),
        file(resolver.asked.get(0)), file(resolver.asked.get(1)), file(resolver.asked.get(2)),
        file(resolver.asked.get(3)), Path.of("repo/nd4j-cuda-11.6-preset.jar")), classpath,
        "nd4j-native, its natives and OpenBLAS leave; the project's nd4j-api stays the one");
  }

  @Test
  void cudaRedistAddsCudasOwnLibrariesOnWindows() throws MojoExecutionException {
    RecordingResolver resolver = new RecordingResolver();
    classpath(Backend.CUDA, WINDOWS_GPU, true, resolver, List.of());

    assertEquals(Set.of("", "windows-x86_64-cudnn", "windows-x86_64", "windows-x86_64-redist"),
        Set.copyOf(resolver.asked.stream().map(Coordinates::classifier).toList()));
  }

  @Test
  void cudaWithoutAnNvidiaDriverFailsBeforeResolvingAnything() {
    RecordingResolver resolver = new RecordingResolver();
    MojoExecutionException e = assertThrows(MojoExecutionException.class,
        () -> classpath(Backend.CUDA, LINUX_NO_GPU, false, resolver, List.of()));

    assertEquals("dl.backend is cuda, but this machine (linux-x86_64) has no NVIDIA driver:"
        + " /proc/driver/nvidia/version does not exist. Train on the CPU with -Ddl.backend=cpu"
        + " (the default), or install the NVIDIA driver for a CUDA 11.6 GPU.", e.getMessage());
    assertTrue(resolver.asked.isEmpty());
  }

  @Test
  void cudaOnAPlatformWithoutNativesNamesTheOnesThereAre() {
    Machine mac = new Machine("Mac OS X", "aarch64", Path.of("/"), path -> true);
    Machine arm = new Machine("Linux", "aarch64", Path.of("/"), path -> true);
    for (Machine machine : List.of(mac, arm)) {
      MojoExecutionException e = assertThrows(MojoExecutionException.class,
          () -> classpath(Backend.CUDA, machine, false, new RecordingResolver(), List.of()));
      assertTrue(e.getMessage().contains("natives for linux-x86_64 and windows-x86_64 only, not for"
          + " this machine (" + machine.describe() + ")"), e.getMessage());
      assertTrue(e.getMessage().contains("-Ddl.backend=cpu"), e.getMessage());
    }
  }

  @Test
  void replicasAddTheParallelWrapperAloneOnAnyBackend() throws MojoExecutionException {
    RecordingResolver resolver = new RecordingResolver();
    List<Path> classpath = classpath(Backend.CPU, LINUX_NO_GPU, false, resolver,
        ParallelTraining.artifacts(2));

    assertEquals(List.of(ParallelTraining.WRAPPER), resolver.asked);
    assertEquals(file(ParallelTraining.WRAPPER), classpath.get(classpath.size() - 1));
    assertEquals(List.of(), ParallelTraining.artifacts(1));
    assertThrows(MojoExecutionException.class, () -> ParallelTraining.artifacts(0));
  }

  @Test
  void backendsAreNamedAsTheBuildWritesThem() throws MojoExecutionException {
    assertEquals(Backend.CUDA, Backend.named("CUDA"));
    assertEquals(Backend.CPU, Backend.named(" cpu "));
    assertEquals(Backend.SPARK, Backend.named("spark"));
    assertTrue(Backend.SPARK.trainsOnSpark());
    MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> Backend.named("cuad"));
    assertEquals("dl.backend is 'cuad', which names no backend; set <backend> (-Ddl.backend) to"
        + " one of cpu, cuda, spark. Did you mean cuda?", e.getMessage());
  }

  private static List<Path> classpath(Backend backend, Machine machine, boolean redist,
      ArtifactResolver resolver, List<Coordinates> extra) throws MojoExecutionException {
    return new BackendClasspath(backend, machine, new BackendOptions(redist, "0.1.0"), resolver)
        .apply(projectClasspath(), PROJECT, extra);
  }

  private static List<Path> projectClasspath() {
    List<Path> classpath = new ArrayList<>(List.of(CLASSES));
    PROJECT.forEach(artifact -> classpath.add(artifact.file()));
    return classpath;
  }

  private static ClasspathArtifact artifact(String group, String id, String classifier) {
    Coordinates coordinates = new Coordinates(group, id, "1.0", classifier);
    return new ClasspathArtifact(coordinates, file(coordinates));
  }

  private static Path file(Coordinates coordinates) {
    return Path.of("repo", coordinates.artifactId() + "-" + coordinates.version()
        + (coordinates.classifier().isEmpty() ? "" : "-" + coordinates.classifier()) + ".jar");
  }
}
