/**
 * What a model class declares, checked and resolved: defaults applied, Keras semantics kept, and
 * each layer's input and output size and parameter count inferred. It knows nothing of
 * annotations or of DL4J, so that summaries and other generators can read it too.
 */
package dev.deepbuild.processor.model;
