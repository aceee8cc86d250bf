package dev.deepbuild.spark;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.spark.Spark;
import java.util.Locale;

/**
 * How Spark trains, from the training JVM's system properties, which the Maven plugin sets from
 * its parameters of the same names without {@code deepbuild.}: {@value #MASTER} ({@code dl.spark.master})
 * and {@value #AVERAGING_FREQUENCY} ({@code dl.spark.averagingFrequency}), and from {@code
 * deepbuild.spark.jars}, the job jar it built for a master with executors of their own.
 *
 * @param master Spark's master URL; empty to keep the one {@code spark-submit} gave, or {@code
 *     local[*]} without one
 * @param averagingFrequency the minibatches each worker fits between two averagings of the
 *     parameters
 * @param jars the jars Spark ships to executors of their own ({@code spark.jars}): the job jar the
 *     plugin built for a master that does not run in the driver; empty to leave {@code
 *     spark.jars} as {@code spark-submit} set it
 */
record SparkSettings(String master, int averagingFrequency, String jars) {
  static final String MASTER = "deepbuild.spark.master";
  static final String AVERAGING_FREQUENCY = "deepbuild.spark.averagingFrequency";
  /** Spark's master when neither the property nor {@code spark-submit} names one. */
  static final String DEFAULT_MASTER = "local[*]";
  /** DL4J's own default. */
  static final int DEFAULT_AVERAGING_FREQUENCY = 5;

  SparkSettings {
    if (averagingFrequency < 1) {
      throw new DeepBuildException(AVERAGING_FREQUENCY + " (dl.spark.averagingFrequency) is "
          + averagingFrequency + "; set it to 1 or more minibatches per worker between averagings");
    }
  }

  static SparkSettings fromSystemProperties() {
    String frequency = System.getProperty(AVERAGING_FREQUENCY,
        Integer.toString(DEFAULT_AVERAGING_FREQUENCY)).strip();
    try {
      return new SparkSettings(System.getProperty(MASTER, "").strip(), Integer.parseInt(frequency),
          System.getProperty(Spark.JARS_PROPERTY, "").strip());
    } catch (NumberFormatException e) {
      throw new DeepBuildException(AVERAGING_FREQUENCY + " (dl.spark.averagingFrequency) is '"
          + frequency + "'; set it to a whole number of minibatches, such as "
          + DEFAULT_AVERAGING_FREQUENCY, e);
    }
  }

  /**
   * What the provenance records, for minibatches of {@code batchSize} rows and {@code seed}. Two
   * runs with the same seed on the same number of workers gave the same bits, in one JVM and in
   * two; another worker count splits the epochs otherwise.
   */
  String describe(String effectiveMaster, int batchSize, long seed) {
    return String.format(Locale.ROOT, "Spark %s, ParameterAveragingTrainingMaster(batchSizePerWorker=%d,"
        + " averagingFrequency=%d, rddTrainingApproach=Direct, rngSeed=%d); bit-identical across"
        + " runs with the same seed and number of workers (local[*]: one per core), not across"
        + " worker counts or with single-JVM training", effectiveMaster, batchSize,
        averagingFrequency, seed);
  }
}
