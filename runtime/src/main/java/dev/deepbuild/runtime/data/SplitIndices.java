package dev.deepbuild.runtime.data;

/**
 * Which rows of a data set belong to which split: disjoint row indices, each array ascending.
 * {@code validation} is empty when the model holds out no validation data.
 */
public record SplitIndices(int[] train, int[] validation, int[] test) {}
