/**
 * Generates code from a {@link dev.deepbuild.processor.model.ModelDescription} alone. Runtime and
 * DL4J types are named, not referenced, so the processor does not depend on them.
 */
package dev.deepbuild.processor.writer;
