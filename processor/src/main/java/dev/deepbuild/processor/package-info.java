/**
 * The DeepBuild annotation processor. For each {@code @Model} class it runs three steps, each in
 * its own package:
 *
 * <ol>
 *   <li>{@link dev.deepbuild.processor.validation}: read the annotations through their mirrors,
 *       report every problem on the exact annotation value, with the value received and the fix;
 *   <li>{@link dev.deepbuild.processor.model}: describe an error-free class as an immutable
 *       {@link dev.deepbuild.processor.model.ModelDescription}, shapes inferred;
 *   <li>{@link dev.deepbuild.processor.writer}: write its {@code DeepBuild_} class with JavaPoet,
 *       and the index of the build's models.
 * </ol>
 */
package dev.deepbuild.processor;
