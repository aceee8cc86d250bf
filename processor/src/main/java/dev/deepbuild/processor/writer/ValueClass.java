package dev.deepbuild.processor.writer;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * A nested class of named values that reads and compares as a record does (accessors named by
 * the components, {@code equals}, {@code hashCode} and {@code toString} by value, arrays by
 * content): JavaPoet 1.13 writes no records.
 */
final class ValueClass {
  private ValueClass() {}

  /** A component: its name, type and the comment of its parameter. */
  record Component(String name, TypeName type, String doc) {
    boolean array() {
      return type instanceof ArrayTypeName;
    }

    /** {@code Arrays} for an array's content, {@code Objects} otherwise. */
    ClassName values() {
      return ClassName.get(array() ? Arrays.class : Objects.class);
    }
  }

  static TypeSpec of(String name, String doc, List<Component> components) {
    StringBuilder constructorDoc = new StringBuilder();
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    CodeBlock.Builder equals = CodeBlock.builder().add("return other instanceof $L that", name);
    CodeBlock.Builder text = CodeBlock.builder();
    for (int i = 0; i < components.size(); i++) {
      Component component = components.get(i);
      constructorDoc.append(Comments.javadoc("@param " + component.name() + " "
          + component.doc(), 4));
      type.addField(FieldSpec.builder(component.type(), component.name(), Modifier.PRIVATE,
          Modifier.FINAL).build());
      constructor.addParameter(component.type(), component.name())
          .addStatement("this.$N = $T.requireNonNull($N, $S)", component.name(), Objects.class,
              component.name(), component.name());
      type.addMethod(MethodSpec.methodBuilder(component.name())
          .addJavadoc(Comments.javadoc(Character.toUpperCase(component.doc().charAt(0))
              + component.doc().substring(1) + ".", 4))
          .addModifiers(Modifier.PUBLIC)
          .returns(component.type())
          .addStatement("return $N", component.name())
          .build());
      // this.: a component may be named other or that.
      equals.add("\n&& $T.equals(this.$N, that.$N)", component.values(), component.name(),
          component.name());
      // $W: JavaPoet wraps there when the line would pass 100 columns.
      text.add(i == 0 ? "return $S + $L" : "$W+ $S + $L",
          (i == 0 ? name + "[" : ", ") + component.name() + "=",
          component.array() ? CodeBlock.of("$T.toString(this.$N)", Arrays.class,
              component.name()) : CodeBlock.of("this.$N", component.name()));
    }
    CodeBlock.Builder hash = CodeBlock.builder().add("return $T.hash(", Objects.class);
    for (int i = 0; i < components.size(); i++) {
      Component component = components.get(i);
      hash.add(i == 0 ? "" : ",$W").add(component.array()
          ? CodeBlock.of("$T.hashCode(this.$N)", Arrays.class, component.name())
          : CodeBlock.of("this.$N", component.name()));
    }
    return type.addJavadoc(Comments.javadoc(doc, 2))
        .addMethod(constructor.addJavadoc(constructorDoc.toString()).build())
        .addMethod(MethodSpec.methodBuilder("equals")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Object.class, "other")
            .returns(boolean.class)
            .addStatement(equals.build())
            .build())
        .addMethod(MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement(hash.add(")").build())
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement(text.add("$W+ $S", "]").build())
            .build())
        .build();
  }
}
