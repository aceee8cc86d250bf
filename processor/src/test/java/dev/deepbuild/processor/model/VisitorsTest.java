package dev.deepbuild.processor.model;

import static com.google.common.truth.Truth.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each kind of data, label column and layer has its own visitor method, so writers handle all. */
class VisitorsTest {

  @Test
  void everyKindOfDataHasAVisitorMethod() {
    assertThat(visited(DataDescription.Visitor.class))
        .containsExactlyElementsIn(DataDescription.class.getPermittedSubclasses());
  }

  @Test
  void everyKindOfLayerHasAVisitorMethod() {
    assertThat(visited(LayerOptions.Visitor.class))
        .containsExactlyElementsIn(LayerOptions.class.getPermittedSubclasses());
  }

  @Test
  void everyKindOfPretrainedBaseHasAVisitorMethod() {
    assertThat(visited(PretrainedSource.Visitor.class))
        .containsExactlyElementsIn(PretrainedSource.class.getPermittedSubclasses());
  }

  @Test
  void everyWayOfNamingTheLabelColumnHasAVisitorMethod() {
    assertThat(visited(LabelColumn.Visitor.class))
        .containsExactlyElementsIn(LabelColumn.class.getPermittedSubclasses());
  }

  private static Set<Class<?>> visited(Class<?> visitor) {
    for (Method method : visitor.getDeclaredMethods()) {
      assertThat(method.getParameterCount()).isEqualTo(1);
    }
    return Arrays.stream(visitor.getDeclaredMethods())
        .map(Method::getParameterTypes)
        .map(parameters -> parameters[0])
        .collect(Collectors.toSet());
  }
}
