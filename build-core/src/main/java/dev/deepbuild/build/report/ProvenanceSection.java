package dev.deepbuild.build.report;

import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.Execution;
import dev.deepbuild.build.result.MemoryUse;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
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
              + (provenance.ompNumThreads() == null ? "unset" : provenance.ompNumThreads()));
      if (provenance.execution() != null) {
        Execution execution = provenance.execution();
        facts.add("device", execution.device())
            .add("ND4J", execution.backendClass() + ", " + execution.executioner() + ", "
                + execution.threads() + (execution.threads() == 1 ? " thread" : " threads"))
            .add("replicas", execution.workers() + ": " + execution.reproducibility());
      }
      facts
          .addMarkup("data", provenance.dataDigest() == null ? "unknown"
              : "<code>" + Markup.escape(provenance.dataDigest()) + "</code>");
      if (provenance.memory() != null) {
        facts.add("peak memory", memory(provenance.memory()));
      }
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

  /**
   * {@code heap 812 MB of 4.1 GB; beyond the heap 610 MB; resident 2.9 GB (process, while this
   * model trained; 420 MB at its start); native limit 8.6 GB; 3 collections between steps}.
   */
  private static String memory(MemoryUse memory) {
    String beyond = memory.nativeKnown()
        ? "beyond the heap " + megabytes(memory.nativePeak()) + "; " : "";
    String start = memory.residentStartKnown()
        ? "; " + megabytes(memory.residentStart()) + " at its start" : "";
    String resident = !memory.residentKnown() ? "resident not available"
        : "resident " + megabytes(memory.residentPeak()) + (memory.residentPeakPerModel()
            ? " (process, while this model trained" + start + ")"
            : " (process, since the training JVM started)");
    return "heap " + megabytes(memory.heapPeak()) + " of " + megabytes(memory.heapMax()) + "; "
        + beyond + resident + "; native limit "
        + (memory.nativeLimit() > 0 ? megabytes(memory.nativeLimit()) : "none")
        + (memory.collectionsKnown()
            ? "; " + memory.collections() + " collections between steps" : "");
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%,d MB", Math.round(bytes / 1e6));
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
