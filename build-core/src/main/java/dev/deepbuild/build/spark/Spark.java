package dev.deepbuild.build.spark;

/**
 * What the plugin, the training JVM and a {@code spark-submit} job agree on about the {@code
 * spark} backend: its name, which masters run Spark inside the driver, and the job jar's entry
 * point and name.
 */
public final class Spark {
  /**
   * The backend's name: the plugin's {@code -Ddl.backend=spark}, and the training JVM's {@code
   * deepbuild.training.backend}, which the {@code deepbuild-spark} service answers to.
   */
  public static final String BACKEND = "spark";
  /** The job jar's {@code Main-Class}, in {@code deepbuild-spark}: {@code spark-submit}'s entry point. */
  public static final String JOB_MAIN_CLASS = "dev.deepbuild.spark.SparkJob";
  /** The training JVM's system property naming the jars Spark ships to its executors. */
  public static final String JARS_PROPERTY = "deepbuild.spark.jars";

  private Spark() {}

  /**
   * Whether Spark's executors run inside the driver's JVM on {@code master} ({@code local},
   * {@code local[4]}, {@code local[*, 2]}), and so load their classes from its class path. Every
   * other master ({@code local-cluster[...]}, {@code spark://}, {@code yarn}, {@code k8s://})
   * starts executors of its own, which need the job jar.
   */
  public static boolean runsInDriver(String master) {
    String written = master.strip();
    return written.equals("local") || written.startsWith("local[");
  }

  /** The job jar's file name, {@code <artifactId>-<version>-spark-job.jar}. */
  public static String jobJarName(String artifactId, String version) {
    return artifactId + "-" + version + "-spark-job.jar";
  }
}
