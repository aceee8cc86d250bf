package dev.deepbuild.runtime.session;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.function.Supplier;

/**
 * Runs one model's part of a goal so that whatever goes wrong in it fails that model only, and the
 * goal's other models keep their outcomes: training, evaluation and summaries alike.
 */
public final class ModelGuard {
  private ModelGuard() {}

  /**
   * @param model the model's name
   * @param activity what the work is, for a crash's message: {@code training}, {@code evaluation}
   */
  public static ModelOutcome run(
      String model, String activity, TrainingLog log, Supplier<ModelOutcome> work) {
    try {
      return work.get();
    } catch (InvalidInputException e) {
      return ModelOutcome.failed(model, e.getMessage());
    } catch (DeepBuildException e) {
      // Foreseen, and worded for the user, but not always naming the model.
      return ModelOutcome.failed(model, e.getMessage().startsWith(model + ":")
          ? e.getMessage() : model + ": " + e.getMessage());
    } catch (VirtualMachineError e) {
      // The JVM itself may be broken: the fork reports it and ends.
      throw e;
    } catch (RuntimeException | Error e) {
      Crash.log(model, e, log);
      return ModelOutcome.failed(model, model + ": " + activity + " " + Crash.describe(e));
    }
  }
}
