package dev.deepbuild.maven.backend;

import java.nio.file.Path;

/** An artifact of the training JVM's class path and the file it is. */
public record ClasspathArtifact(Coordinates coordinates, Path file) {}
