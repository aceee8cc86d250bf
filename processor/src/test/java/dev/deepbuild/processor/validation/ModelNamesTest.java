package dev.deepbuild.processor.validation;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class ModelNamesTest {

  @Test
  void classNamesBecomeKebabCase() {
    assertThat(ModelNames.kebabCase("IrisClassifier")).isEqualTo("iris-classifier");
    assertThat(ModelNames.kebabCase("HTTPModel")).isEqualTo("http-model");
    assertThat(ModelNames.kebabCase("Mnist2Digits")).isEqualTo("mnist2-digits");
    assertThat(ModelNames.kebabCase("Iris")).isEqualTo("iris");
    assertThat(ModelNames.kebabCase("house_prices")).isEqualTo("house_prices");
  }

  @Test
  void invalidNamesSuggestTheNearestValidOne() {
    assertThat(ModelNames.suggest("Iris Model")).isEqualTo("iris-model");
    assertThat(ModelNames.suggest("-Modèle n°1")).isEqualTo("modele-n-1");
    assertThat(ModelNames.suggest("iris$classifier")).isEqualTo("iris-classifier");
    assertThat(ModelNames.suggest("***")).isEqualTo("model");
  }
}
