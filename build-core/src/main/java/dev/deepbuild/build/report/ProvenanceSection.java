package dev.deepbuild.build.report;

import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import java.util.Map;

/**
 * Where the result came from: the seed, versions, machine and data it was trained with, and the
 * fingerprint that decides whether a later build may reuse it. A report from before provenance was
 * recorded shows what it has: its seed and training time.
 */
final class ProvenanceSection {
  private ProvenanceSection() {}

  static String render(ModelOutcome outcome) {
    ModelReport report = outcome.report();
    Provenance provenance = report.provenance();
    Facts facts = new Facts().add("seed", Long.toString(report.seed()));
    if (provenance != null) {
      facts.add("versions", "DeepBuild " + provenance.deepbuildVersion() + ", DL4J " + provenance.dl4jVersion()
              + ", ND4J " + provenance.nd4jVersion())
          .add("Java", provenance.javaVersion() + " (" + provenance.javaVendor() + ")")
          .add("machine", provenance.os() + ", " + provenance.arch())
          .add("backend", provenance.backend() + ", " + provenance.dataType() + ", OMP_NUM_THREADS="
              + (provenance.ompNumThreads() == null ? "unset" : provenance.ompNumThreads()))
          .addMarkup("data", provenance.dataDigest() == null ? "unknown"
              : "<code>" + Markup.escape(provenance.dataDigest()) + "</code>");
    }
    facts.add("training time", Numbers.seconds(report.trainingSeconds()) + " (loading, training and evaluating)"
        + (outcome.upToDate() ? " in an earlier build; this build reused the saved model" : ""));
    if (report.confusion() != null) {
      facts.add("test samples", Integer.toString(report.confusion().total()));
    }
    String html = facts.render();
    if (provenance != null && !provenance.fingerprint().isEmpty()) {
      html += fingerprint(provenance.fingerprint());
    }
    return html;
  }

  /** What shaped the model, folded: long, and needed only when asking why a model was retrained. */
  private static String fingerprint(Map<String, String> fingerprint) {
    StringBuilder html = new StringBuilder("<details>\n<summary>Fingerprint: the ")
        .append(fingerprint.size()).append(" inputs that decide whether a later build may reuse this model")
        .append("</summary>\n<table class=\"wide\">\n<tbody>\n");
    fingerprint.forEach((name, value) -> html.append("<tr><th>").append(Markup.escape(name))
        .append("</th><td><code>").append(Markup.escape(value)).append("</code></td></tr>\n"));
    return html.append("</tbody>\n</table>\n</details>\n").toString();
  }
}
