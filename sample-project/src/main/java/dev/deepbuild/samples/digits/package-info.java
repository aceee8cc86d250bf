/**
 * Transfer learning from a model of the same build: {@link LowDigits}, a convnet trained on the
 * MNIST digits 0 to 4, is the base of two models of the digits 5 to 9 that see only 500 training
 * images: {@link HighDigitsFrozen} trains a new classifier on its frozen convolutional base
 * (feature extraction), {@link HighDigitsTuned} also trains the base's last convolution at a tenth
 * of the learning rate (fine-tuning). The build trains the base first; retraining it makes both
 * out of date.
 */
package dev.deepbuild.samples.digits;
