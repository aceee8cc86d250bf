package dev.deepbuild.processor.writer;

import com.squareup.javapoet.CodeBlock;

/**
 * A layer's DL4J builder in two parts, which the sequential and the graph writers frame each in
 * their own call: the constructor, on the line that adds the layer, and the option lines after
 * it, each ending in a newline (empty for none).
 */
record LayerBuilder(CodeBlock constructor, CodeBlock options) {

  boolean hasOptions() {
    return !options.isEmpty();
  }
}
