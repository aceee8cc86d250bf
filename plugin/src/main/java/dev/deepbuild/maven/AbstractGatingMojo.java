package dev.deepbuild.maven;

import dev.deepbuild.runtime.DeepBuildException;
import dev.deepbuild.runtime.fork.ForkRequest;
import dev.deepbuild.runtime.gate.RuleParser;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that check thresholds share ({@code dl:train}, {@code dl:evaluate}): thresholds
 * given or overridden in the pom, and whether a missed one fails the build.
 */
abstract class AbstractGatingMojo extends AbstractForkingMojo {

  /** When false, a missed threshold is logged as a warning instead of failing the build. */
  @Parameter(property = "dl.haltOnFailure", defaultValue = "true")
  boolean haltOnFailure;

  /**
   * Thresholds given or overridden in the pom, as JaCoCo's check rules: each {@code <rule>} has a
   * {@code <model>} (or {@code *} for every model it fits), a {@code <metric>}, an {@code <on>}
   * split (TEST by default) and a {@code <minimum>}, a {@code <maximum>} or both. A rule on the
   * same metric and split as a model's {@code @Threshold} replaces it; any other rule adds one.
   */
  @Parameter
  private List<Rule> rules = new ArrayList<>();

  /** Checks the rules' metric and split names and bounds; the fork checks their models. */
  @Override
  ForkRequest configure(ForkRequest request) throws MojoExecutionException {
    try {
      return request.withRules(RuleParser.parse(rules.stream().map(Rule::written).toList()));
    } catch (DeepBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
