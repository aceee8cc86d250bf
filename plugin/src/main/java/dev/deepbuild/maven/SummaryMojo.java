package dev.deepbuild.maven;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.select.BasesFirst;
import dev.deepbuild.build.uptodate.KeptLog;
import dev.deepbuild.build.uptodate.OutcomeKey;
import dev.deepbuild.resources.ModelResources;
import dev.deepbuild.summary.LayerTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * would). Either way the tables come in the order the forked JVM works on the models: as selected
 * (by name without a selection), each after the model it builds on; the fork's tables are printed
 * again without it while nothing they depend on changed. Bound to {@code process-classes} by default; invoked alone ({@code mvn dl:summary}) it
 * compiles the project first.
 */
@Mojo(name = "summary", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SummaryMojo extends AbstractForkingMojo {

  @Override
  ForkGoal goal() {
    return ForkGoal.SUMMARY;
  }

  /**
   * Prints the compiled tables, and forks for the models that have none, in the order the fork
   * works on models ({@link BasesFirst}).
   */
  @Override
  SessionResult run(ForkRequest request, ForkOptions options) throws MojoExecutionException {
    List<String> declared = declared();
    List<String> selected = request.models().isEmpty() ? declared : request.models();
    if (!declared.containsAll(selected)) {
      // A name the build lacks: the fork says which, and the nearest one.
      return fork(request, options);
    }
    Map<String, String> bases = new HashMap<>();
    for (String model : selected) {
      baseModel(model).ifPresent(base -> bases.put(model, base));
    }
    List<String> ordered = BasesFirst.order(selected, model -> model,
        model -> Optional.ofNullable(bases.get(model)));
    Map<String, List<String>> tables = new HashMap<>();
    List<String> atRunTime = new ArrayList<>();
    for (String model : ordered) {
      List<String> table = lines(ModelResources.summary(model));
      if (LayerTable.isTable(table)) {
        tables.put(model, table);
      } else {
        atRunTime.add(model);
      }
    }
    TablesInOrder printer = new TablesInOrder(ordered, tables, getLog()::info);
    SessionResult forked = atRunTime.isEmpty() ? SessionResult.of(List.of())
        : atRunTime(request.withModels(atRunTime), options, printer);
    printer.finish();
    Map<String, ModelOutcome> summarized = new HashMap<>();
    forked.models().forEach(outcome -> summarized.put(outcome.model(), outcome));
    tables.keySet().forEach(model ->
        summarized.put(model, new ModelOutcome(model, null, null, List.of())));
    return new SessionResult(
        ordered.stream().map(summarized::get).filter(Objects::nonNull).toList(), forked.error());
  }

  /**
   * The tables only the fork can print: printed again from {@code target/deepbuild/fork/
   * summary-log.txt} while nothing they depend on changed ({@link OutcomeKey}: the class output,
   * the data each model reads, the class path, ...), else by the fork, whose lines are kept when
   * it succeeds. The tables' lines go to {@code out}, warnings to the log.
   */
  private SessionResult atRunTime(ForkRequest request, ForkOptions options, TrainingLog out)
      throws MojoExecutionException {
    Path kept = forkDirectory().resolve("summary-log.txt");
    Optional<OutcomeKey> key;
    try {
      key = key(request, options);
      Optional<List<KeptLog.Line>> lines = key.flatMap(inputs -> KeptLog.reuse(kept, inputs));
      if (lines.isPresent()) {
        getLog().info("Nothing the summaries of " + String.join(", ", request.models())
            + " depend on changed since the last build (" + kept.getFileName()
            + "): printed as its JVM printed them, without starting one");
        for (KeptLog.Line line : lines.get()) {
          if (line.warning()) {
            getLog().warn(line.text());
          } else {
            out.info(line.text());
          }
        }
        return SessionResult.of(request.models().stream()
            .map(model -> new ModelOutcome(model, null, null, List.of())).toList());
      }
      KeptLog.forget(kept);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot tell whether the summaries are up to date: " + e, e);
    }
    List<KeptLog.Line> printed = Collections.synchronizedList(new ArrayList<>());
    SessionResult forked = fork(request, options, line -> {
      out.info(line);
      printed.add(new KeptLog.Line(false, line));
    }, line -> {
      getLog().warn(line);
      printed.add(new KeptLog.Line(true, line));
    });
    if (key.isPresent() && forked.errors().isEmpty()) {
      try {
        KeptLog.store(kept, key.get(), List.copyOf(printed));
      } catch (IOException e) {
        getLog().warn("Cannot keep the summaries for the next build, which will start the JVM"
            + " again: " + e.getMessage());
      }
    }
    return forked;
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

  /** The model the compiled model builds on; empty for one on no model, or compiled before. */
  private Optional<String> baseModel(String model) throws MojoExecutionException {
    String resource = ModelResources.baseModel(model);
    if (!Files.isRegularFile(classesDirectory().resolve(resource))) {
      return Optional.empty();
    }
    return lines(resource).stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst();
  }

  /** The lines of a resource in the class output. */
  private List<String> lines(String resource) throws MojoExecutionException {
    Path file = classesDirectory().resolve(resource);
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + file + ": " + e, e);
    }
  }
}
