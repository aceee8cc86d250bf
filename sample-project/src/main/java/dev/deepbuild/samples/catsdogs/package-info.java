/**
 * The book's chapter 8.2 study on the small cats-vs-dogs set: the same small convnet trained from
 * scratch without and with data augmentation and dropout. Their validation curves are set side by
 * side in the report, as the book's figures are: without augmentation the network overfits within
 * a few epochs; with it, validation accuracy keeps up with training for longer.
 */
package dev.deepbuild.samples.catsdogs;
