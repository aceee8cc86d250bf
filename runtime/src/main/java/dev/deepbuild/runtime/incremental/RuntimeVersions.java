package dev.deepbuild.runtime.incremental;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions of DeepBuild, DL4J and ND4J on the class path, and the digest of DeepBuild's code, read from properties files inside
 * their jars: DeepBuild's filtered {@value #DEEPBUILD}, and the {@code pom.properties} Maven puts
 * into every jar it builds. A version that cannot be found reads {@value #UNKNOWN}.
 *
 * @param deepbuild the DeepBuild runtime's version
 * @param dl4j deeplearning4j-nn's version
 * @param nd4j the CPU backend's (nd4j-native's) version
 * @param deepbuildCode the digest of the runtime's code ({@link RuntimeCode}), which a SNAPSHOT's
 *     version does not follow
 */
public record RuntimeVersions(String deepbuild, String dl4j, String nd4j, String deepbuildCode) {
  static final String UNKNOWN = "unknown";
  static final String DEEPBUILD = "META-INF/deepbuild/version.properties";
  private static final String DL4J = "META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";
  private static final String ND4J = "META-INF/maven/org.nd4j/nd4j-native/pom.properties";

  /** The versions this JVM runs with. */
  static RuntimeVersions current() {
    ClassLoader loader = RuntimeVersions.class.getClassLoader();
    return new RuntimeVersions(version(loader, DEEPBUILD), version(loader, DL4J), version(loader, ND4J),
        RuntimeCode.digest());
  }

  /** The DeepBuild runtime's version, {@value #UNKNOWN} when it cannot be found. */
  public static String deepbuildVersion() {
    return version(RuntimeVersions.class.getClassLoader(), DEEPBUILD);
  }

  private static String version(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", UNKNOWN).strip();
      // An unfiltered file (a build that skipped resource filtering) names no version.
      return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
