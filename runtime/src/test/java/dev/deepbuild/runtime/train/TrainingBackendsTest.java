package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.DeepBuildException;
import org.junit.jupiter.api.Test;

class TrainingBackendsTest {
  @Test
  void withoutThePropertyEpochsTrainInThisJvm() {
    assertTrue(TrainingBackends.named("").isEmpty());
  }

  @Test
  void aBackendThatIsNotOnTheClassPathNamesTheArtifactThatBringsIt() {
    DeepBuildException e = assertThrows(DeepBuildException.class,
        () -> TrainingBackends.named("spark"));
    assertTrue(e.getMessage().contains(TrainingBackends.PROPERTY + " is 'spark'"), e.getMessage());
    assertTrue(e.getMessage().contains("dev.deepbuild:deepbuild-spark"), e.getMessage());
    assertTrue(e.getMessage().contains("-Ddl.backend=spark"), e.getMessage());
  }
}
