/**
 * The book's chapter-5 study of overfitting on IMDB: the same data and training as the chapter-4
 * model, for 20 epochs with 40% of the training split held out for validation, and four networks:
 * the original, a bigger one that overfits sooner, one with L2 regularization and one with dropout.
 * Each model's learning-curve diagnosis in the build output shows where it starts to overfit; the
 * regularized ones are gated.
 */
package dev.deepbuild.samples.overfitting;
