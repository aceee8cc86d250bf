package dev.deepbuild.build.packaging;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.gate.CheckOutcome;
import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.result.SessionVerdict;
import dev.deepbuild.resources.ModelResources;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts each model that passed its thresholds into the project's class output, at
 * {@link #resource(String)}, so that the jar holds it and a module that depends on the jar loads
 * it from its class path. Only a model that passed is packaged: after training, the session's
 * verdict decides (and is recorded beside the saved model); without training ({@code -Ddl.skip}),
 * the record of the last build that trained it does. A model that missed a threshold, and a
 * packaged model whose model no longer exists, are removed from the class output.
 *
 * <p>The build's models are those the processor compiled into the class output: each has its own
 * folder {@code META-INF/deepbuild/<model>/} with its {@code summary.txt}, which the packaged
 * {@code model.zip} joins.
 */
public final class ModelPackaging {
  private static final String MODEL_FILE = "model.zip";

  private final Path outputRoot;
  private final Path classes;
  private final TrainingLog log;
  private final TrainingLog warnings;

  /**
   * @param outputRoot where each model's folder with its saved {@code model.zip} is,
   *     {@code target/deepbuild}
   * @param classes the project's class output, {@code target/classes}
   * @param log hears what was packaged and removed
   * @param warnings hears of a model the jar will lack although the build may pass
   */
  public ModelPackaging(Path outputRoot, Path classes, TrainingLog log, TrainingLog warnings) {
    this.outputRoot = outputRoot;
    this.classes = classes;
    this.log = log;
    this.warnings = warnings;
  }

  /** Where model {@code model} lies on the class path, as the jar holds it. */
  public static String resource(String model) {
    return ModelResources.model(model);
  }

  /**
   * Packages the models of a training session that passed every threshold and records that they
   * did; removes those that missed one or failed. A model of the build the session did not work on
   * (not selected) keeps its last passed model, when it has one.
   */
  public void afterTraining(SessionResult result) throws IOException {
    Set<String> models = declared();
    Map<String, ModelOutcome> outcomes = result.models().stream()
        .filter(outcome -> models.contains(outcome.model()))
        .collect(Collectors.toMap(ModelOutcome::model, Function.identity()));
    for (String model : models) {
      ModelOutcome outcome = outcomes.get(model);
      if (outcome == null) {
        if (!packageIfPassed(model)) {
          warnings.info(model + ": not packaged: not trained in this build, and no saved model of it"
              + " passed its thresholds");
        }
      } else if (outcome.failed() || !outcome.violations().isEmpty()) {
        PassedGate.forget(saved(model));
        unpackage(model);
        if (!outcome.failed()) {
          warnings.info(model + ": not packaged into the jar, because it missed a threshold");
        }
      } else {
        PassedGate.record(saved(model), outcome.checks().stream().map(CheckOutcome::message).toList());
        packageIfPassed(model);
      }
    }
    removeStale(models);
  }

  /**
   * Whether the class output holds what {@link #afterTraining} left there for {@code result}: each
   * model that passed (or, outside the session, whose saved model passed before) packaged, as a
   * copy of its saved model by size made after it, and no other. A build whose stored result
   * stands packages nothing then; one whose packaged files were removed packages them again.
   */
  public boolean inPlace(SessionVerdict result) throws IOException {
    Map<String, SessionVerdict.Model> outcomes = result.models().stream()
        .collect(Collectors.toMap(SessionVerdict.Model::model, Function.identity(), (a, b) -> a));
    for (String model : declared()) {
      SessionVerdict.Model outcome = outcomes.get(model);
      Path saved = saved(model);
      Path packaged = classes.resolve(resource(model));
      boolean passed = outcome == null
          ? Files.isRegularFile(saved.resolveSibling(PassedGate.FILE))
          : outcome.passed();
      boolean copied = Files.isRegularFile(packaged) && Files.isRegularFile(saved)
          && Files.size(packaged) == Files.size(saved)
          && Files.getLastModifiedTime(packaged).compareTo(Files.getLastModifiedTime(saved)) >= 0;
      if (passed ? !copied : Files.exists(packaged)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Packages each model's last passed model without training, as {@code -Ddl.skip} asks.
   *
   * @throws DeepBuildException naming every model that has none, and the fix
   */
  public void lastPassed() throws IOException {
    Set<String> models = declared();
    List<String> missing = new ArrayList<>();
    for (String model : models) {
      if (!packageIfPassed(model)) {
        unpackage(model);
        missing.add(model);
      }
    }
    removeStale(models);
    if (!missing.isEmpty()) {
      throw new DeepBuildException(missing.stream().map(model -> model + ": -Ddl.skip is set, but "
          + saved(model) + " is missing or is not a model that passed its thresholds, so there is"
          + " nothing to package into the jar. Build once without -Ddl.skip (mvn package) or run"
          + " mvn dl:train to train it, then -Ddl.skip packages it.")
          .collect(Collectors.joining(System.lineSeparator())));
    }
  }

  /** The names of the models compiled into the class output, sorted. */
  Set<String> declared() throws IOException {
    Set<String> models = new TreeSet<>();
    for (Path folder : modelFolders()) {
      String model = folder.getFileName().toString();
      if (Files.isRegularFile(classes.resolve(ModelResources.summary(model)))) {
        models.add(model);
      }
    }
    return models;
  }

  /** Copies the saved model into the class output when it is the one that passed. */
  private boolean packageIfPassed(String model) throws IOException {
    Path saved = saved(model);
    if (!PassedGate.passed(saved)) {
      return false;
    }
    Path packaged = classes.resolve(resource(model));
    // Unchanged bytes are left alone, so that an up-to-date build does not touch the jar's input;
    // an older copy takes the saved model's time, as inPlace compares (a model trained again to
    // the same bytes, a copied project).
    if (!Files.isRegularFile(packaged) || !Sha256.of(packaged).equals(Sha256.of(saved))) {
      AtomicFiles.write(packaged, file -> Files.copy(saved, file, StandardCopyOption.REPLACE_EXISTING));
    } else if (Files.getLastModifiedTime(packaged).compareTo(Files.getLastModifiedTime(saved)) < 0) {
      Files.setLastModifiedTime(packaged, Files.getLastModifiedTime(saved));
    }
    log.info(model + ": packaged as " + resource(model));
    return true;
  }

  /** Removes the packaged models of models the class output no longer declares. */
  private void removeStale(Set<String> models) throws IOException {
    for (Path folder : modelFolders()) {
      String model = folder.getFileName().toString();
      if (!models.contains(model) && unpackage(model)) {
        log.info(model + ": removed " + resource(model) + ", since the build has no such model");
      }
    }
  }

  /** Removes a packaged model, and its folder when nothing else is left in it. */
  private boolean unpackage(String model) throws IOException {
    Path packaged = classes.resolve(resource(model));
    boolean removed = Files.deleteIfExists(packaged);
    Path folder = packaged.getParent();
    if (removed && Files.isDirectory(folder)) {
      try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) {
        if (!left.iterator().hasNext()) {
          Files.delete(folder);
        }
      }
    }
    return removed;
  }

  private List<Path> modelFolders() throws IOException {
    Path root = classes.resolve(ModelResources.ROOT);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> folders = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
      entries.forEach(folders::add);
    }
    return folders;
  }

  private Path saved(String model) {
    return outputRoot.resolve(model).resolve(MODEL_FILE);
  }
}
