package dev.deepbuild.runtime.predict;

import dev.deepbuild.build.DeepBuildException;

/**
 * A saved model that is not the one the code asking for it was generated from: another model's
 * file, a model trained before its class changed, or one saved by another DeepBuild. The message
 * names the model, where its file was found and the fix, retraining or rebuilding.
 */
public class ModelMismatchException extends DeepBuildException {
  public ModelMismatchException(String message) {
    super(message);
  }

  public ModelMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
