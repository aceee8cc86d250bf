package dev.deepbuild.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The training JVM's one Spark context (Spark allows one per JVM), started when the first model
 * trains and shared by every model after it; Spark's own shutdown hook stops it.
 */
final class SparkContexts {
  private static JavaSparkContext shared;

  private SparkContexts() {}

  static synchronized JavaSparkContext shared(SparkSettings settings) {
    if (shared == null) {
      shared = new JavaSparkContext(configuration(settings));
    }
    return shared;
  }

  /**
   * Stops the shared context, if one started: before a {@code spark-submit} job exits, so that a
   * cluster's executors are released in order rather than killed by the JVM's shutdown.
   */
  static synchronized void stopShared() {
    if (shared != null) {
      shared.stop();
      shared = null;
    }
  }

  /**
   * The master from the settings, else the one {@code spark-submit} set (as {@code spark.master}),
   * else {@code local[*]}. A build needs no web UI: it would take a port on every build machine.
   */
  static SparkConf configuration(SparkSettings settings) {
    SparkConf conf = new SparkConf().setAppName("deepbuild");
    if (!settings.master().isEmpty()) {
      conf.setMaster(settings.master());
    }
    conf.setIfMissing("spark.master", SparkSettings.DEFAULT_MASTER);
    conf.setIfMissing("spark.ui.enabled", "false");
    if (!settings.jars().isEmpty()) {
      // Executors of their own load DL4J, ND4J, its natives and the project from the job jar.
      conf.set("spark.jars", settings.jars());
    }
    if (conf.get("spark.master").startsWith("local")) {
      // A machine whose host name does not resolve still runs local[*] (and local-cluster, whose
      // master, worker and executors all run on this machine).
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    return conf;
  }

  /** The master a context would run on with {@code settings}, without starting one. */
  static String master(SparkSettings settings) {
    return configuration(settings).get("spark.master");
  }
}
