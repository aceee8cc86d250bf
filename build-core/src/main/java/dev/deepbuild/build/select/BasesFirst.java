package dev.deepbuild.build.select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order a session works on its models in: the order given, but each model that builds on
 * another of them ({@code @Pretrained(model = ...)}) after it, so that it uses the base as the
 * session trains it. The training JVM orders its models so, and {@code dl:summary} prints the
 * tables it has without that JVM in the same order.
 */
public final class BasesFirst {
  private BasesFirst() {}

  /**
   * @param name a model's name
   * @param base the name of the model a model builds on; empty for one on no model of the build
   */
  public static <M> List<M> order(List<M> models, Function<M, String> name,
      Function<M, Optional<String>> base) {
    Map<String, M> pending = new LinkedHashMap<>();
    models.forEach(model -> pending.put(name.apply(model), model));
    List<M> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      M next = pending.values().stream()
          .filter(model -> base.apply(model).filter(pending::containsKey).isEmpty())
          .findFirst()
          // A cycle, which the processor refuses, keeps its order.
          .orElse(pending.values().iterator().next());
      pending.remove(name.apply(next));
      ordered.add(next);
    }
    return ordered;
  }
}
