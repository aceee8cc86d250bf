package dev.deepbuild.maven.backend;

import java.util.Objects;

/**
 * An artifact as Maven names it, {@code groupId:artifactId:version[:classifier]}; the classifier is
 * empty for the plain jar.
 */
public record Coordinates(String groupId, String artifactId, String version, String classifier) {

  public Coordinates {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    classifier = classifier == null ? "" : classifier;
  }

  /** The plain jar. */
  public static Coordinates jar(String groupId, String artifactId, String version) {
    return new Coordinates(groupId, artifactId, version, "");
  }

  public Coordinates classified(String classifier) {
    return new Coordinates(groupId, artifactId, version, classifier);
  }

  /** Whether this is {@code groupId:artifactId}, of any version and classifier. */
  public boolean is(String groupId, String artifactId) {
    return this.groupId.equals(groupId) && this.artifactId.equals(artifactId);
  }

  /** {@code groupId:artifactId:classifier}: what two versions of one artifact share. */
  String key() {
    return groupId + ":" + artifactId + ":" + classifier;
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
  }
}
