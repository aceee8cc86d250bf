package dev.deepbuild.maven;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.RuleParser;
import dev.deepbuild.build.io.AcceptedMetricsJson;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that check thresholds share ({@code dl:train}, {@code dl:evaluate},
 * {@code dl:accept}): thresholds given or overridden in the pom, the accepted metrics that
 * regression tolerances compare with, and whether a missed threshold fails the build.
 */
abstract class AbstractGatingMojo extends AbstractForkingMojo {

  /** When false, a missed threshold is logged as a warning instead of failing the build. */
  @Parameter(property = "dl.haltOnFailure", defaultValue = "true")
  boolean haltOnFailure;

  /**
   * Thresholds given or overridden in the pom, as JaCoCo's check rules: each {@code <rule>} has a
   * {@code <model>} (or {@code *} for every model it fits), a {@code <metric>}, an {@code <on>}
   * split (TEST by default) and a {@code <minimum>}, a {@code <maximum>}, a
   * {@code <maxRegression>} (how much worse than the accepted value it may be) or several. A rule
   * on the same metric and split as a model's {@code @Threshold} replaces it; any other rule adds
   * one.
   */
  @Parameter
  private List<Rule> rules = new ArrayList<>();

  /**
   * The accepted metrics file: {@code dl:accept} writes each accepted model's metrics into it, and
   * each threshold's {@code maxRegression} compares the current value with the accepted one. Commit
   * it, so that the build compares with the last accepted model.
   */
  @Parameter(property = "dl.acceptedMetrics",
      defaultValue = "${project.basedir}/src/deepbuild/accepted-metrics.json")
  private File acceptedMetrics;

  /**
   * The accepted metrics, for the reports; none when the file cannot be read, which the fork has
   * reported already.
   */
  AcceptedMetrics accepted() {
    try {
      return AcceptedMetricsJson.read(acceptedMetrics.toPath(), acceptedMetrics.getPath());
    } catch (IOException e) {
      return AcceptedMetrics.none(acceptedMetrics.getPath());
    }
  }

  /** Checks the rules' metric and split names and bounds; the fork checks their models. */
  @Override
  ForkRequest configure(ForkRequest request) throws MojoExecutionException {
    try {
      return request.withRules(RuleParser.parse(rules.stream().map(Rule::written).toList()))
          .withAcceptedMetrics(acceptedMetrics.toPath().toAbsolutePath());
    } catch (DeepBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
