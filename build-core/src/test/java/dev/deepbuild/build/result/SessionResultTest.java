package dev.deepbuild.build.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.deepbuild.build.fork.ForkJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results of training JVMs that took over one another's models. */
class SessionResultTest {
  @TempDir Path dir;

  @Test
  void aResultFollowedByTheNextJvmsKeepsBothInOrderAndWhatTheNextLeft() {
    SessionResult first = new SessionResult(List.of(failed("a")), null, List.of("b", "c"));
    SessionResult second = new SessionResult(List.of(failed("b")), null, List.of("c"));
    SessionResult third = SessionResult.of(List.of(failed("c")));

    SessionResult all = first.followedBy(second).followedBy(third);

    assertEquals(List.of("a", "b", "c"), all.models().stream().map(ModelOutcome::model).toList());
    assertEquals(List.of(), all.left());
    assertNull(all.error());
  }

  @Test
  void theFirstErrorOfTheJvmsIsTheSessionsError() {
    SessionResult all = new SessionResult(List.of(), "first", List.of("a"))
        .followedBy(SessionResult.failed("second"));

    assertEquals("first", all.error());
  }

  @Test
  void withModelsKeepsWhatTheJvmLeft() {
    SessionResult result = new SessionResult(List.of(failed("a")), null, List.of("b"));

    assertEquals(List.of("b"), result.withModels(List.of()).left());
  }

  @Test
  void aResultWrittenWithoutLeftModelsReadsAsLeavingNone() throws Exception {
    Path file = dir.resolve("result.json");
    Files.writeString(file, "{\"models\": [], \"error\": null}");

    assertEquals(List.of(), ForkJson.read(file, SessionResult.class).left());
  }

  private static ModelOutcome failed(String model) {
    return ModelOutcome.failed(model, model + ": broken");
  }
}
