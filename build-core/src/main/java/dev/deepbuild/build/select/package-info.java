/**
 * Which of a build's models a goal works on, and in which order: {@link
 * dev.deepbuild.build.select.BasesFirst} puts each model after the one it builds on.
 */
package dev.deepbuild.build.select;
