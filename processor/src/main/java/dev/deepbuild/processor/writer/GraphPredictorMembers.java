package dev.deepbuild.processor.writer;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.processor.model.GraphDescription;
import dev.deepbuild.processor.model.GraphDescription.InputDescription;
import dev.deepbuild.processor.model.GraphDescription.OutputDescription;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A functional model's predictor members: {@code predict} with one parameter per {@code @Input},
 * named by it and typed by its data ({@code String} for a text field, {@code double[]} for
 * numbers), {@code predictAll} of the generated {@code Input} class of one component per input,
 * and the generated {@code Prediction} class of one component per {@code @Output}, a {@code
 * ClassPrediction} or a {@code ValuePrediction} as its loss's task says ({@link ValueClass}: they
 * read as records). The {@code ExpectedModel} names every input and
 * output in the network's order, so that the runtime's {@code PackagedModel} refuses a file
 * trained from another declaration.
 */
final class GraphPredictorMembers implements PredictorWriter.Members {
  private static final ClassName OUTPUT_PREDICTIONS =
      ClassName.get(PredictorWriter.PREDICT, "OutputPredictions");
  private static final TypeName DOUBLES = TypeName.get(double[].class);
  private static final ClassName BUFFERED_IMAGE = ClassName.get("java.awt.image", "BufferedImage");
  private static final TypeName NAMED_INPUTS = ParameterizedTypeName.get(
      ClassName.get(Map.class), ClassName.get(String.class), PredictorWriter.MODEL_INPUT);

  private final ClassName predictor;
  private final ClassName input;
  private final ClassName prediction;
  private final List<NamedInput> inputs;
  private final List<OutputDescription> outputs;

  GraphPredictorMembers(ClassName predictor, GraphDescription graph) {
    this.predictor = predictor;
    this.input = predictor.nestedClass("Input");
    this.prediction = predictor.nestedClass("Prediction");
    this.inputs = graph.inputs().stream().map(GraphPredictorMembers::named).toList();
    this.outputs = graph.outputs();
  }

  /**
   * The input's kind, chosen once from what it reads: a text field's vectorization, an image, or
   * numbers.
   */
  private static NamedInput named(InputDescription input) {
    return input.vectorization().<NamedInput>map(words -> new TextInput(input, words))
        .or(() -> input.image().map(image -> new ImageInput(input, image)))
        .orElseGet(() -> new TableInput(input));
  }

  @Override
  public CodeBlock expected() {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("// the inputs, in the network's order, each prepared as training prepared it\n");
    inputs.forEach(named -> code.add(named.expected()).add("\n"));
    code.add("// the outputs, in the network's order\n");
    for (int k = 0; k < outputs.size(); k++) {
      OutputDescription output = outputs.get(k);
      if (output.loss().task() == Task.REGRESSION) {
        code.add(".regressionOutput($S)", output.name());
      } else {
        if (output.classes() == 0) {
          code.add("// 0: the classes are those found in the data\n");
        }
        code.add(".classificationOutput($S, $L)", output.name(), output.classes());
      }
      code.add(k < outputs.size() - 1 ? "\n" : "");
    }
    return code.build();
  }

  @Override
  public String example() {
    String arguments = String.join(", ", inputs.stream().map(named -> named.input().name())
        .toList());
    OutputDescription first = outputs.get(0);
    return "var prediction = " + predictor.simpleName() + ".packaged().predict(" + arguments
        + ");\nprediction." + first.name() + "()"
        + (first.loss().task() == Task.REGRESSION ? ".value()" : ".label()") + "\n";
  }

  @Override
  public void addTo(TypeSpec.Builder type) {
    type.addMethod(predict()).addMethod(predictAll()).addMethod(namedInputs())
        .addMethod(prediction()).addType(inputRecord()).addType(predictionRecord());
  }

  private MethodSpec predict() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("predict")
        .addJavadoc(Comments.javadoc("Every output's prediction for one row of inputs, each"
            + " prepared as training prepared its data.", 2) + "\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(prediction);
    for (NamedInput named : inputs) {
      method.addJavadoc(Comments.javadoc("@param " + named.input().name() + " "
          + named.describe(), 2));
      method.addParameter(named.type(), named.input().name());
    }
    return method.addStatement("return predictAll($T.of(new $T($L))).get(0)", List.class, input,
        String.join(", ", inputs.stream().map(named -> named.input().name()).toList()))
        .build();
  }

  private MethodSpec predictAll() {
    return MethodSpec.methodBuilder("predictAll")
        .addJavadoc(Comments.javadoc("The predictions for {@code inputs} in order, predicted"
            + " together in one forward pass: faster than one by one.", 2))
        .addModifiers(Modifier.PUBLIC)
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), input), "inputs")
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), prediction))
        .addStatement("$T<$T> outputs = model.predictNamed(\ninputs.stream().map($T::named)"
            + ".toList())", List.class, OUTPUT_PREDICTIONS, predictor)
        .addStatement("return outputs.stream().map($T::prediction).toList()", predictor)
        .build();
  }

  /** {@code named(Input)}: the row's inputs by the names the network gives them. */
  private MethodSpec namedInputs() {
    CodeBlock.Builder entries = CodeBlock.builder();
    // Map.of takes at most ten pairs; more are entries.
    boolean pairs = inputs.size() <= 10;
    for (int i = 0; i < inputs.size(); i++) {
      NamedInput named = inputs.get(i);
      CodeBlock value = CodeBlock.of("$T.$L(input.$L())", PredictorWriter.MODEL_INPUT,
          named.factory(), named.input().name());
      entries.add(pairs ? CodeBlock.of("$S, $L", named.input().name(), value)
          : CodeBlock.of("$T.entry($S, $L)", Map.class, named.input().name(), value));
      entries.add(i < inputs.size() - 1 ? ",\n" : "");
    }
    return MethodSpec.methodBuilder("named")
        .addJavadoc(Comments.javadoc("The row's inputs by the names the network gives them.", 2))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(input, "input")
        .returns(NAMED_INPUTS)
        .addStatement("return $T.$L(\n$L)", Map.class, pairs ? "of" : "ofEntries",
            entries.build())
        .build();
  }

  /** {@code prediction(OutputPredictions)}: each output's prediction, typed by its task. */
  private MethodSpec prediction() {
    CodeBlock.Builder components = CodeBlock.builder();
    for (int k = 0; k < outputs.size(); k++) {
      OutputDescription output = outputs.get(k);
      components.add("outputs.$L($S)", output.loss().task() == Task.REGRESSION ? "regressed"
          : "classified", output.name());
      components.add(k < outputs.size() - 1 ? ",\n" : "");
    }
    return MethodSpec.methodBuilder("prediction")
        .addJavadoc(Comments.javadoc("Each output's prediction, of its task.", 2))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(OUTPUT_PREDICTIONS, "outputs")
        .returns(prediction)
        .addStatement("return new $T(\n$L)", prediction, components.build())
        .build();
  }

  private TypeSpec inputRecord() {
    boolean arrays = inputs.stream().anyMatch(named -> named.type().equals(DOUBLES));
    return ValueClass.of("Input", "One row of the model's inputs, for {@link #predictAll}"
        + (arrays ? "; its arrays are taken as they are, not copied." : "."), inputs.stream().map(named ->
            new ValueClass.Component(named.input().name(), named.type(), named.describe()))
        .toList());
  }

  private TypeSpec predictionRecord() {
    return ValueClass.of("Prediction", "Every output's prediction for one row of inputs.",
        outputs.stream().map(output -> {
          boolean regression = output.loss().task() == Task.REGRESSION;
          return new ValueClass.Component(output.name(), regression
              ? PredictorWriter.VALUE_PREDICTION : PredictorWriter.CLASS_PREDICTION, "the "
              + (regression ? "value" : "class") + " predicted for the field \""
              + output.field() + "\"");
        }).toList());
  }

  /** What a kind of input gives the predictor: its parameter type, encoding and expected call. */
  private interface NamedInput {
    InputDescription input();

    TypeName type();

    /** The {@code ModelInput} factory its values go through. */
    String factory();

    /** Its {@code ExpectedModel} call. */
    CodeBlock expected();

    /** Its parameter's comment. */
    String describe();
  }

  private record TextInput(InputDescription input, VectorizationDescription vectorization)
      implements NamedInput {
    @Override
    public TypeName type() {
      return ClassName.get(String.class);
    }

    @Override
    public String factory() {
      return "text";
    }

    @Override
    public CodeBlock expected() {
      return CodeBlock.of(".textInput($S, $T.$L, $L, $L)", input.name(),
          PredictorWriter.OUTPUT_MODE, vectorization.mode().name(), vectorization.maxTokens(),
          vectorization.sequenceLength());
    }

    @Override
    public String describe() {
      return "a text of the field \"" + input.field() + "\", vectorized with its own"
          + " vocabulary";
    }
  }

  private record ImageInput(InputDescription input, Shape.Image image) implements NamedInput {
    @Override
    public TypeName type() {
      return BUFFERED_IMAGE;
    }

    @Override
    public String factory() {
      return "image";
    }

    @Override
    public CodeBlock expected() {
      return CodeBlock.of(".imageInput($S, $L, $L, $L)", input.name(), image.height(),
          image.width(), image.channels());
    }

    @Override
    public String describe() {
      return "an image, resized and scaled as training prepared the field \"" + input.field()
          + "\"";
    }
  }

  private record TableInput(InputDescription input) implements NamedInput {
    @Override
    public TypeName type() {
      return DOUBLES;
    }

    @Override
    public String factory() {
      return "features";
    }

    @Override
    public CodeBlock expected() {
      return CodeBlock.of(".tableInput($S, $L)", input.name(), input.width());
    }

    @Override
    public String describe() {
      return input.columns().isEmpty() ? "its " + input.width() + " feature values"
          : "the values of the columns " + String.join(", ", input.columns()) + ", in this"
              + " order";
    }
  }
}
