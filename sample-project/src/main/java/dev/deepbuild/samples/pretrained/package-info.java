/**
 * The book's chapter 8.3 on the small cats-vs-dogs set: a pretrained convolutional base under a
 * new classifier. {@link CatsDogsFeatures} keeps MobileNetV2's base frozen (feature extraction:
 * its outputs are computed once per split and only the classifier trains). The base is the
 * MobileNetV2 of the npm package {@code nsfwjs@4.4.0}, ImageNet-derived and fine-tuned there for
 * another task: a general backbone, not an ImageNet classifier. {@link CatsDogsTuned} fine-tunes
 * it the book's way: on {@code CatsDogsFeatures} as trained, whose classifier learned on the
 * frozen base first, MobileNetV2's top convolution trains with a new classifier at a low rate.
 */
package dev.deepbuild.samples.pretrained;
