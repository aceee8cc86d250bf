package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DataSource;
import dev.deepbuild.processor.model.LabelColumn;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.ThresholdDescription;
import javax.lang.model.element.Modifier;

/** Writes {@code ModelDefinition.spec()}: everything about the model but its network. */
final class SpecWriter {

  private SpecWriter() {}

  static MethodSpec spec(ModelDescription model) {
    DataDescription data = model.data();
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("return $T.builder($S)\n", TypeNames.MODEL_SPEC, model.name())
            .add(".declaredBy($S)\n", model.declaringClass())
            .add(".seed($LL)\n", model.seed())
            .add(".data($L)\n", source(data))
            .add(".split($L, $L)\n",
                decimal(data.testFraction()), decimal(data.validationFraction()));
    if (model.task() == Task.REGRESSION) {
      code.add(".regression()\n");
    } else if (data.classes() == 0) {
      code.add(".classification(0)  // 0: the classes are those found in the data\n");
    } else {
      code.add(".classification($L)\n", data.classes());
    }
    if (model.standardize()) {
      code.add(".standardize()\n");
    }
    code.add(".epochs($L)\n", model.training().epochs())
        .add(".batchSize($L)\n", model.training().batchSize());
    for (ThresholdDescription threshold : model.thresholds()) {
      code.add(
          ".threshold($T.$L, $T.$L, $L, $L)\n",
          Metric.class, threshold.metric().name(),
          DataSplit.class, threshold.on().name(),
          decimal(threshold.min()), decimal(threshold.max()));
    }
    code.add(".build()");
    return MethodSpec.methodBuilder("spec")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.MODEL_SPEC)
        .addStatement("$L", code.build())
        .build();
  }

  /** {@code CsvSource.resource("iris.dat").labelIndex(4)} and the like. */
  private static CodeBlock source(DataDescription data) {
    CodeBlock.Builder source = CodeBlock.builder();
    String factory = data.source().kind() == DataSource.Kind.FILE ? "file" : "resource";
    source.add("$T.$L($S)", TypeNames.CSV_SOURCE, factory, data.source().location());
    if (data.label() instanceof LabelColumn.Named column) {
      // A named label column implies a header row.
      source.add(".labelColumn($S)", column.name());
    } else if (data.label() instanceof LabelColumn.Index column) {
      source.add(".labelIndex($L)", column.index());
      if (data.header()) {
        source.add(".withHeader()");
      }
    }
    if (data.delimiter() != ',') {
      source.add(".delimiter($L)", Literals.character(data.delimiter()));
    }
    return source.build();
  }
}
