package dev.deepbuild.processor.writer;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.TypeSpec;
import dev.deepbuild.processor.model.ModelDescription;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the {@code ModelDefinition} of a model class: {@code com.example.IrisClassifier} gets
 * {@code com.example.DeepBuild_IrisClassifier}, {@code Outer.Inner} {@code DeepBuild_Outer_Inner}.
 */
public final class ModelDefinitionWriter {

  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  private final Filer filer;
  private final String generator;

  /** @param generator the processor, which {@code @Generated} names */
  public ModelDefinitionWriter(Filer filer, Class<?> generator) {
    this.filer = filer;
    this.generator = generator.getName();
  }

  public static ClassName generatedName(TypeElement modelClass) {
    ClassName name = ClassName.get(modelClass);
    return ClassName.get(name.packageName(), "DeepBuild_" + String.join("_", name.simpleNames()));
  }

  /** Writes the class and returns its name. */
  public ClassName write(TypeElement modelClass, ModelDescription model) throws IOException {
    ClassName name = generatedName(modelClass);
    TypeSpec.Builder definition =
        TypeSpec.classBuilder(name)
            .addOriginatingElement(modelClass)
            .addAnnotation(
                AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", generator)
                    .addMember("comments", "$S", "from " + model.declaringClass())
                    .build())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(TypeNames.MODEL_DEFINITION)
            .addMethod(SpecWriter.spec(model))
            .addMethod(NetworkWriter.network(model));
    PretrainedWriter.baseModel(model).ifPresent(definition::addMethod);
    JavaFile.builder(name.packageName(), definition.build())
        .skipJavaLangImports(true)
        .build()
        .writeTo(filer);
    return name;
  }
}
