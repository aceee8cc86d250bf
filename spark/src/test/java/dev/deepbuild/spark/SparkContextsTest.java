package dev.deepbuild.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.DeepBuildException;
import org.junit.jupiter.api.Test;

class SparkContextsTest {
  @Test
  void withoutAMasterItRunsInThisJvmWithoutAWebUi() {
    var conf = SparkContexts.configuration(new SparkSettings("", 5, ""));
    assertEquals("local[*]", conf.get("spark.master"));
    assertEquals("false", conf.get("spark.ui.enabled"));
  }

  @Test
  void theSettingsMasterWins() {
    assertEquals("spark://head:7077",
        SparkContexts.master(new SparkSettings("spark://head:7077", 5, "")));
  }

  @Test
  void theJobJarIsShippedOnlyWhenNamed() {
    var shipped = SparkContexts.configuration(
        new SparkSettings("local-cluster[1,1,1024]", 5, "/p/target/p-1-spark-job.jar"));
    assertEquals("/p/target/p-1-spark-job.jar", shipped.get("spark.jars"));
    assertEquals("127.0.0.1", shipped.get("spark.driver.host"));
    assertFalse(SparkContexts.configuration(new SparkSettings("local[*]", 5, ""))
        .contains("spark.jars"));
  }

  @Test
  void aBadAveragingFrequencyNamesItsParameter() {
    System.setProperty(SparkSettings.AVERAGING_FREQUENCY, "often");
    try {
      DeepBuildException e = assertThrows(DeepBuildException.class,
          SparkSettings::fromSystemProperties);
      assertTrue(e.getMessage().contains("dl.spark.averagingFrequency"), e.getMessage());
    } finally {
      System.clearProperty(SparkSettings.AVERAGING_FREQUENCY);
    }
  }
}
