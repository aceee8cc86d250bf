package dev.deepbuild.processor.writer;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import dev.deepbuild.processor.model.CustomOptions;
import dev.deepbuild.processor.model.Shape;
import java.util.List;

/**
 * The code of a {@code @Custom} layer: its class created with its no-argument constructor, and
 * the declaration the runtime checks the built network against, the sizes being Java expressions
 * (a CSV table's width is the parameter {@code inputs}).
 */
final class CustomLayers {

  static final ClassName DECLARED_LAYER =
      ClassName.get("dev.deepbuild.runtime.network", "DeclaredLayer");
  static final ClassName CUSTOM_LAYER =
      ClassName.get("dev.deepbuild.runtime.network", "CustomLayer");

  private CustomLayers() {}

  /** {@code new Scale()}. */
  static CodeBlock create(CustomOptions custom) {
    return CodeBlock.of("new $T()", ClassName.bestGuess(custom.className()));
  }

  /** {@code DeclaredLayer.of("scale", 16, 0, 16)}: its output, parameters and inputs. */
  static CodeBlock declared(String name, CustomOptions custom, Shape output, List<Shape> inputs) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T.of($S, $L, $LL", DECLARED_LAYER, name, output.size(), custom.params());
    inputs.forEach(input -> code.add(", $L", input.size()));
    return code.add(")").build();
  }
}
