package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scales every feature to mean 0 and standard deviation 1. Means and deviations are computed on
 * the training split only and then applied to validation and test data, so nothing about the held
 * out data leaks into training. They are saved with the model.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Standardize {}
