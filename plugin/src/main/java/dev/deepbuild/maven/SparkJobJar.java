package dev.deepbuild.maven;

import dev.deepbuild.build.spark.JobJar;
import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.maven.backend.JobJarClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Writes the Spark job jar ({@link JobJar}) and logs what it holds and what it took. */
final class SparkJobJar {
  private SparkJobJar() {}

  static Path write(Path target, JobJarClasspath.Result content, String platform, Log log)
      throws MojoExecutionException {
    long start = System.nanoTime();
    JobJar.Summary summary;
    try {
      summary = JobJar.write(target, content.classpath(), Spark.JOB_MAIN_CLASS);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the Spark job jar " + target + ": " + e, e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (summary.reused()) {
      log.info(String.format(Locale.ROOT, "Spark job jar: %s is up to date with its %d class-path"
          + " elements (checked in %.1f s)", target, content.classpath().size(), seconds));
      return target;
    }
    long bytes;
    try {
      bytes = Files.size(target);
    } catch (IOException e) {
      bytes = -1;
    }
    log.info(String.format(Locale.ROOT, "Spark job jar: %s (%.1f MB, %d entries) from %d class-path"
        + " elements with %s natives, in %.1f s; left out %d jars a Spark cluster provides",
        target, bytes / 1e6, summary.entries(), content.classpath().size(), platform, seconds,
        content.provided()));
    log.info(String.format(Locale.ROOT, "  merged: %d service files concatenated, %d signature"
        + " files dropped, %d duplicate entries left out (the first on the class path wins%s)",
        summary.services(), summary.signatures(), summary.duplicates(),
        summary.firstDuplicates().isEmpty() ? "" : ", such as " + String.join(", ",
            summary.firstDuplicates())));
    return target;
  }
}
