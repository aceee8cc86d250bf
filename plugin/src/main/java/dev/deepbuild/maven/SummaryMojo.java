package dev.deepbuild.maven;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.resources.ModelResources;
import dev.deepbuild.summary.LayerTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints a Keras-like summary of each model (layers, output shapes and parameter counts and totals)
 * without training. A model whose shapes the processor knew prints the table it compiled into
 * {@code META-INF/deepbuild/<model>/summary.txt}, without starting a JVM; only a model whose input
 * width comes from its CSV table, or whose base is a Keras file, is summarized in the forked JVM,
 * which reads the data (a model whose data cannot be read fails the build as {@code dl:train}
 * would). Bound to {@code process-classes} by default; invoked alone ({@code mvn dl:summary}) it
 * compiles the project first.
 */
@Mojo(name = "summary", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SummaryMojo extends AbstractForkingMojo {

  @Override
  ForkGoal goal() {
    return ForkGoal.SUMMARY;
  }

  /** Prints the compiled tables, and forks for the models that have none. */
  @Override
  SessionResult run(ForkRequest request, ForkOptions options) throws MojoExecutionException {
    List<String> declared = declared();
    List<String> selected = request.models().isEmpty() ? declared : request.models();
    if (!declared.containsAll(selected)) {
      // A name the build lacks: the fork says which, and the nearest one.
      return fork(request, options);
    }
    List<ModelOutcome> printed = new ArrayList<>();
    List<String> atRunTime = new ArrayList<>();
    for (String model : selected) {
      List<String> table = compiled(model);
      if (LayerTable.isTable(table)) {
        table.forEach(getLog()::info);
        printed.add(new ModelOutcome(model, null, null, List.of()));
      } else {
        atRunTime.add(model);
      }
    }
    if (atRunTime.isEmpty()) {
      return SessionResult.of(printed);
    }
    SessionResult forked = fork(request.withModels(atRunTime), options);
    return new SessionResult(Stream.concat(printed.stream(), forked.models().stream()).toList(),
        forked.error());
  }

  @Override
  void handle(SessionResult result) throws MojoExecutionException, MojoFailureException {
    // The tables are printed; a summary checks no thresholds, so only errors remain.
    new ResultReporter(getLog(), true, ResultReporter.NO_HEADLINE).report(result);
  }

  /** The models compiled into the class output, in the order of their names. */
  private List<String> declared() throws MojoExecutionException {
    Path root = classesDirectory().resolve(ModelResources.ROOT);
    try (Stream<Path> folders = Files.list(root)) {
      return folders.map(folder -> folder.getFileName().toString())
          .filter(model -> Files.isRegularFile(classesDirectory().resolve(ModelResources.summary(model))))
          .sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot list the models in " + root + ": " + e, e);
    }
  }

  private List<String> compiled(String model) throws MojoExecutionException {
    Path summary = classesDirectory().resolve(ModelResources.summary(model));
    try {
      return Files.readAllLines(summary, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + summary + ": " + e, e);
    }
  }
}
