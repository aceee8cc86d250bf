package dev.deepbuild.runtime.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.runtime.inspect.SummarySession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A summary that crashes on one model fails that model only, as training does. */
class SummaryCrashTest {
  @TempDir Path project;

  @Test
  void aModelWhoseNetworkThrowsFailsAloneAndTheOthersAreSummarized() {
    List<String> log = new ArrayList<>();
    List<ModelOutcome> outcomes = new SummarySession(project, project.resolve("out"),
        getClass().getClassLoader(), log::add)
        .run(List.of(new CrashingModel(), new BlobsModel())).models();

    assertEquals("crashing: summary crashed with java.lang.IllegalStateException: "
        + CrashingModel.MESSAGE + " (its stack trace is in the log above)", outcomes.get(0).error());
    assertFalse(outcomes.get(1).failed(), outcomes.get(1).error());
    assertTrue(log.contains("crashing crashed:"), String.join("\n", log));
    assertTrue(log.stream().anyMatch(line -> line.startsWith("Total params:")), String.join("\n", log));
  }
}
