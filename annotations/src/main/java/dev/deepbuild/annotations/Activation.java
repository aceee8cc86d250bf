package dev.deepbuild.annotations;

/** Activation functions, named as in Keras. */
public enum Activation {
  /** No activation: {@code f(x) = x}. */
  LINEAR,
  RELU,
  SIGMOID,
  SOFTMAX,
  TANH,
  ELU,
  SELU,
  SOFTPLUS,
  SWISH,
  GELU
}
