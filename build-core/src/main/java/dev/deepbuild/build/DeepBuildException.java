package dev.deepbuild.build;

/** A failure of DeepBuild itself or of its inputs, as opposed to a model that missed a threshold. */
public class DeepBuildException extends RuntimeException {
  public DeepBuildException(String message) {
    super(message);
  }

  public DeepBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
