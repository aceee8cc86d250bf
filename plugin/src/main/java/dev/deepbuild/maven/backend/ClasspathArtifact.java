package dev.deepbuild.maven.backend;

import java.nio.file.Path;

/**
 * An element of the training JVM's class path: the file, and the artifact it is; null coordinates
 * for an element that is no artifact, such as the project's classes.
 */
public record ClasspathArtifact(Coordinates coordinates, Path file) {}
