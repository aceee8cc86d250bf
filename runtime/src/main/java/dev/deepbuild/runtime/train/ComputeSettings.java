package dev.deepbuild.runtime.train;

/**
 * What the build chose to compute on, as the plugin passes it to the training JVM in system
 * properties: the backend ND4J must have loaded, the number of model replicas trained at once,
 * and whether a model saved on another backend may be reused.
 *
 * @param backend the build's name of the backend, such as {@code cuda}; null when the JVM was not
 *     started by a build that chose one (a library user's own JVM), which checks nothing
 * @param nd4jBackend what ND4J calls that backend once loaded, such as {@code CUDA}; null likewise
 * @param workers the number of replicas of each model trained at once; 1 trains one model
 * @param anyBackend whether a model saved on another backend is up to date when nothing else changed
 */
public record ComputeSettings(String backend, String nd4jBackend, int workers, boolean anyBackend) {
  public static final String BACKEND_PROPERTY = "deepbuild.backend";
  public static final String ND4J_BACKEND_PROPERTY = "deepbuild.backend.nd4j";
  public static final String WORKERS_PROPERTY = "deepbuild.workers";
  public static final String ANY_BACKEND_PROPERTY = "deepbuild.anyBackend";

  /** One model on whatever backend is loaded, reusing only models from the same backend. */
  public static final ComputeSettings DEFAULT = new ComputeSettings(null, null, 1, false);

  public ComputeSettings {
    if (workers < 1) {
      throw new IllegalArgumentException(WORKERS_PROPERTY + " is " + workers
          + "; set it to a positive number of replicas");
    }
  }

  /** The settings this JVM was started with. */
  public static ComputeSettings current() {
    return new ComputeSettings(System.getProperty(BACKEND_PROPERTY),
        System.getProperty(ND4J_BACKEND_PROPERTY),
        Integer.parseInt(System.getProperty(WORKERS_PROPERTY, "1").strip()),
        Boolean.parseBoolean(System.getProperty(ANY_BACKEND_PROPERTY)));
  }
}
