package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Loss;
import dev.deepbuild.naming.Nearest;
import dev.deepbuild.processor.model.CustomOptions;
import dev.deepbuild.processor.model.GraphDescription;
import dev.deepbuild.processor.model.GraphDescription.InputDescription;
import dev.deepbuild.processor.model.GraphDescription.OutputDescription;
import dev.deepbuild.processor.model.GraphNode;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerOptions;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.ShapeMismatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Checks a functional model's graph and infers its shapes: every input reads a field the data
 * has, every {@code from} names a field of the graph, there is no cycle, each layer and merge can
 * take the shapes it is given, every input and layer leads to an output, and each output's loss
 * fits its layer and the field it predicts. Each problem is reported on the annotation value at
 * fault, with the fix.
 */
final class GraphValidator {

  private final ErrorReporter errors;
  private final LayerValidator layers;
  private final VectorizationValidator vectorization;
  private final OutputValidator output;

  GraphValidator(ErrorReporter errors, LayerValidator layers, VectorizationValidator vectorization,
      OutputValidator output) {
    this.errors = errors;
    this.layers = layers;
    this.vectorization = vectorization;
    this.output = output;
  }

  /**
   * The graph with its layers' shapes, or empty after an error.
   *
   * @param loss {@code @Train}'s loss, the loss of each output that states none
   * @param data the class's one data annotation, if it has exactly one
   * @param image the image each input of image data is (after {@code @Resizing}); empty for
   *     other data
   * @param options each layer field's options, for the fields whose annotation is valid
   */
  Optional<GraphDescription> validate(TypeElement type, List<GraphField> fields,
      Optional<Loss> loss, Optional<DeclaredData> data, Optional<Shape.Image> image,
      Map<String, LayerOptions> options) {
    int before = errors.errorCount();
    Optional<GraphData> graphData = data.flatMap(declared -> GraphData.of(declared, image, errors));
    Map<String, GraphField> byName = new LinkedHashMap<>();
    fields.forEach(field -> byName.put(field.name(), field));
    List<InputDescription> inputs = new ArrayList<>();
    for (GraphField field : fields) {
      field.input().flatMap(input -> input(field, input, graphData)).ifPresent(inputs::add);
    }
    Map<String, List<String>> from = resolveFrom(fields, byName, options);
    checkBases(fields, from, options);
    List<GraphField> ordered = topologicalOrder(fields, from);
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    Map<String, Shape> shapes = new HashMap<>();
    inputs.forEach(input -> shapes.put(input.name(), input.shape()));
    List<GraphNode> nodes = new ArrayList<>();
    for (GraphField field : ordered) {
      if (field.input().isPresent()) {
        continue;
      }
      List<Shape> given = from.get(field.name()).stream().map(shapes::get).toList();
      if (given.contains(null)) {
        // What it takes has an error of its own.
        continue;
      }
      if (takesAnImageInput(field, from.get(field.name()), inputs, options)) {
        continue;
      }
      node(field, from.get(field.name()), given, options).ifPresent(node -> {
        nodes.add(node);
        shapes.put(node.name(), node.outputShape());
      });
    }
    List<OutputDescription> outputs = outputs(type, fields, from, loss, graphData);
    checkEverythingLeadsToAnOutput(fields, from);
    return errors.errorCount() > before
        ? Optional.empty()
        : Optional.of(new GraphDescription(inputs, nodes, outputs));
  }

  private Optional<InputDescription> input(
      GraphField field, AnnotationSite input, Optional<GraphData> data) {
    String name = input.stringValue("field").isEmpty() ? field.name() : input.stringValue("field");
    if (field.layer().isPresent() || field.merge().isPresent()) {
      errors.error(
          input,
          "'" + field.name() + "' is already a layer, and an input is a field of its own.",
          "Declare the input in a field of its own, before the layers that take it.");
      return Optional.empty();
    }
    return data.flatMap(reading -> reading.input(field, input, name, vectorization));
  }

  /**
   * What each layer and merge takes: the fields its {@code from} names, or the field declared
   * just before it. Unknown names and layers given several inputs are reported.
   */
  private Map<String, List<String>> resolveFrom(List<GraphField> fields,
      Map<String, GraphField> byName, Map<String, LayerOptions> options) {
    Map<String, List<String>> from = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      GraphField field = fields.get(i);
      if (field.input().isPresent()) {
        from.put(field.name(), List.of());
        continue;
      }
      List<String> written = field.writtenFrom();
      // A merge and a custom vertex join two or more; a custom class with an error joins none.
      boolean vertex = joinsSeveral(field, options);
      String joiner = vertex ? "a vertex" : "a merge";
      if (written.isEmpty() && (field.merge().isPresent() || vertex)) {
        errors.error(
            field.site(), "from",
            joiner + " takes two or more layers or inputs, and from names none.",
            "Name them, such as from = {\"title\", \"body\"}.");
        continue;
      }
      if (written.isEmpty() && i == 0) {
        errors.error(
            field.site(),
            "'" + field.name() + "' is the first field of the graph, so there is nothing before"
                + " it to take.",
            "Declare an @Input before it, or name what it takes with from.");
        continue;
      }
      List<String> resolved = written.isEmpty() ? List.of(fields.get(i - 1).name()) : written;
      boolean known = true;
      for (String name : resolved) {
        if (!byName.containsKey(name)) {
          known = false;
          errors.error(
              field.site(), "from",
              "'" + name + "' names no input, layer or merge of this model.",
              "Name one of " + byName.keySet() + "."
                  + Nearest.didYouMean(name, byName.keySet()));
        } else if (byName.get(name).output().isPresent()) {
          known = false;
          errors.error(
              field.site(), "from",
              "'" + name + "' is an output, which ends the graph, so nothing takes it.",
              "Take the layer it takes instead, or remove @Output from '" + name + "'.");
        }
      }
      if (field.layer().isPresent() && !vertex && resolved.size() > 1) {
        known = false;
        errors.error(
            field.site(), "from",
            "a @" + field.site().name() + " layer takes one input, and from names "
                + resolved.size() + ".",
            "Merge them first, such as `@Concatenate(from = {" + quoted(resolved) + "}) Layer"
                + " merged;`, and take that.");
      }
      if ((field.merge().isPresent() || vertex) && resolved.size() < 2) {
        known = false;
        errors.error(
            field.site(), "from",
            joiner + " takes two or more layers or inputs, and from names one.",
            "Name another, or take '" + resolved.get(0) + "' directly.");
      }
      if (known) {
        from.put(field.name(), resolved);
      }
    }
    return from;
  }

  /**
   * A pretrained base is Keras's {@code base(inputs)}: one per model, on the model's first input,
   * which nothing else takes, since the base's own input becomes the network's (DL4J's transfer
   * learning grows the head on the loaded base). Another input may read the same images.
   */
  private void checkBases(List<GraphField> fields, Map<String, List<String>> from,
      Map<String, LayerOptions> options) {
    List<GraphField> bases = fields.stream()
        .filter(field -> Optional.ofNullable(options.get(field.name()))
            .flatMap(LayerOptions::pretrainedBase).isPresent())
        .toList();
    Optional<GraphField> firstInput =
        fields.stream().filter(field -> field.input().isPresent()).findFirst();
    for (int i = 0; i < bases.size(); i++) {
      GraphField base = bases.get(i);
      if (i > 0) {
        errors.error(
            base.site(),
            "a functional model builds on one pretrained base, and '" + bases.get(0).name()
                + "' is one already.",
            "Keep one @Pretrained, or train the other base's features in a model of its own.");
        continue;
      }
      List<String> takes = from.get(base.name());
      if (takes == null || firstInput.isEmpty()) {
        continue;
      }
      String input = firstInput.get().name();
      if (!takes.get(0).equals(input)) {
        errors.error(
            base.site(), "from",
            "a pretrained base takes the model's first @Input, as Keras's base(inputs), and '"
                + base.name() + "' takes '" + takes.get(0) + "'.",
            "Set from = \"" + input + "\", or declare the input it reads first.");
        continue;
      }
      for (GraphField other : fields) {
        if (other != base && from.getOrDefault(other.name(), List.of()).contains(input)) {
          errors.error(
              other.site(), "from",
              "'" + input + "' is the input of the pretrained base '" + base.name() + "', whose"
                  + " input becomes the network's, so nothing else takes it.",
              "Take '" + base.name() + "' instead, or declare a second input reading the same"
                  + " field, such as `@Input(field = \"image\") Layer pixels;`, and take that.");
        }
      }
    }
  }

  /** The fields, each after what it takes; a cycle is reported once, on its first field. */
  private List<GraphField> topologicalOrder(
      List<GraphField> fields, Map<String, List<String>> from) {
    List<GraphField> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    List<GraphField> waiting = new ArrayList<>(fields.stream()
        .filter(field -> from.containsKey(field.name())).toList());
    boolean progress = true;
    while (!waiting.isEmpty() && progress) {
      progress = false;
      for (GraphField field : List.copyOf(waiting)) {
        if (placed.containsAll(from.get(field.name()))) {
          ordered.add(field);
          placed.add(field.name());
          waiting.remove(field);
          progress = true;
        }
      }
    }
    List<String> cycle = cycle(waiting, from);
    if (!cycle.isEmpty()) {
      GraphField first = waiting.stream()
          .filter(field -> field.name().equals(cycle.get(0))).findFirst().orElseThrow();
      errors.error(
          first.site(), "from",
          "the graph has a cycle: " + String.join(" takes ", cycle) + ", so no layer of it can"
              + " be computed first.",
          "Make one of them take a layer or input outside the cycle.");
    }
    return ordered;
  }

  /** A cycle among fields left over by the topological order, as names; empty for none. */
  private static List<String> cycle(List<GraphField> waiting, Map<String, List<String>> from) {
    Set<String> left = new HashSet<>();
    waiting.forEach(field -> left.add(field.name()));
    // A field left over waits on a cycle, or on a field whose own error left it out; only a
    // walk that comes back to a field it passed found a cycle.
    for (GraphField start : waiting) {
      List<String> path = new ArrayList<>();
      String current = start.name();
      while (current != null && !path.contains(current)) {
        path.add(current);
        current = from.get(current).stream().filter(left::contains).findFirst().orElse(null);
      }
      if (current != null) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        return cycle;
      }
    }
    return List.of();
  }

  /**
   * A merge or a custom vertex takes layers, not an image input as it is: DL4J's graph keeps no
   * input type, so only a layer's or a flatten's preprocessor holds an image input's size, which
   * the runtime reads back for summaries and checks.
   */
  private boolean takesAnImageInput(GraphField field, List<String> from,
      List<InputDescription> inputs, Map<String, LayerOptions> options) {
    if (field.merge().isEmpty() && !joinsSeveral(field, options)) {
      return false;
    }
    Optional<InputDescription> image = inputs.stream()
        .filter(input -> input.image().isPresent() && from.contains(input.name())).findFirst();
    image.ifPresent(input -> errors.error(
        field.site(), "from",
        "'" + field.name() + "' takes the image input '" + input.name() + "' as it is, and a"
            + " merge joins what layers give.",
        "Take a layer of it instead, such as `@Conv2D(from = \"" + input.name() + "\","
            + " filters = 8, kernel = 3, padding = SAME) Layer own;`, or @Concatenate the images"
            + " of two layers."));
    return image.isPresent();
  }

  private Optional<GraphNode> node(GraphField field, List<String> from, List<Shape> given,
      Map<String, LayerOptions> options) {
    try {
      if (field.merge().isPresent()) {
        return Optional.of(new GraphNode.Merge(field.name(), field.mergeKind().orElseThrow(),
            from, field.mergeKind().get().merge(given)));
      }
      LayerOptions layerOptions = options.get(field.name());
      if (layerOptions == null) {
        return Optional.empty();
      }
      if (layerOptions instanceof CustomOptions custom && custom.joinsSeveral()) {
        return Optional.of(new GraphNode.Vertex(field.name(), custom, from, given,
            custom.outputShape(given)));
      }
      return Optional.of(new GraphNode.Layer(
          LayerDescription.of(field.name(), layerOptions, given.get(0)), from.get(0)));
    } catch (ShapeMismatch wrongShape) {
      String problem = "'" + field.name() + "' cannot take " + quoted(from) + ": "
          + wrongShape.getMessage() + ".";
      errors.error(field.site(), wrongShape.member().orElse("from"), problem, wrongShape.fix());
      return Optional.empty();
    } catch (IllegalArgumentException wrongShape) {
      String shapes = String.join(", ", given.stream().map(Shape::keras).toList());
      errors.error(
          field.site(), "from",
          "'" + field.name() + "' cannot take " + quoted(from) + " of shape " + shapes + ": "
              + wrongShape.getMessage() + ".",
          field.merge().isPresent()
              ? "Give the merged layers one shape (a @Dense of the same units on each), or use"
                  + " @Concatenate, which joins feature vectors of any sizes, or images of one"
                  + " height and width."
              : joinsSeveral(field, options)
                  ? "Give the joined layers one shape, or set units to the size of what the"
                      + " vertex gives."
                  : "Take a layer of a shape it accepts, or reshape the input before it.");
      return Optional.empty();
    }
  }

  private List<OutputDescription> outputs(TypeElement type, List<GraphField> fields,
      Map<String, List<String>> from, Optional<Loss> trainLoss, Optional<GraphData> data) {
    List<OutputDescription> outputs = new ArrayList<>();
    for (GraphField field : fields) {
      if (field.output().isEmpty()) {
        continue;
      }
      AnnotationSite site = field.output().get();
      if (field.layer().isEmpty() || !field.layer().get().isDense()) {
        errors.error(
            site,
            "an output is a @Dense layer, which takes the loss, and '" + field.name() + "' is "
                + (field.layer().isPresent() ? "a @" + field.site().name() + " layer"
                    : field.input().isPresent() ? "an input" : "a merge") + ".",
            "Put @Output on a @Dense layer, such as `@Dense(units = 1, activation = SIGMOID)"
                + " @Output Layer " + field.name() + ";`.");
        continue;
      }
      String name = site.stringValue("field").isEmpty() ? field.name() : site.stringValue("field");
      List<Loss> written = site.enumValues("loss", Loss.class);
      if (written.size() > 1) {
        errors.error(
            site, "loss",
            "an output has one loss, and loss names " + written.size() + ".",
            "Keep one, such as loss = " + written.get(0) + ".");
      }
      Optional<Loss> loss = written.isEmpty() ? trainLoss : Optional.of(written.get(0));
      double weight = site.doubleValue("weight");
      if (!(weight > 0 && Double.isFinite(weight))) {
        errors.error(
            site, "weight",
            "the weight multiplies this output's loss in the model's loss, so it is a positive"
                + " number.",
            "Set a weight such as 1.0, or 0.3 to let this output count less than the others.");
      }
      if (data.isEmpty() || loss.isEmpty()) {
        continue;
      }
      OptionalInt classes = data.get().output(site, name, loss.get(), !written.isEmpty());
      if (classes.isEmpty()) {
        continue;
      }
      int before = errors.errorCount();
      output.checkHead(field.layer().get().annotation(), loss.get(), classes.getAsInt(),
          data.get().classesStated(name, classes.getAsInt()));
      if (errors.errorCount() == before) {
        outputs.add(new OutputDescription(field.name(), name, loss.get(), weight,
            classes.getAsInt()));
      }
    }
    if (fields.stream().noneMatch(field -> field.output().isPresent())) {
      errors.error(
          type,
          "a functional model predicts through its @Outputs, and this class marks no layer"
              + " @Output.",
          "Mark the last layer of each head, such as `@Dense(units = 46, activation = SOFTMAX)"
              + " @Output(field = \"topic\") Layer topic;`.");
    }
    return outputs;
  }

  /** Every input and layer leads to an output; one that does not is dead weight, or a mistake. */
  private void checkEverythingLeadsToAnOutput(
      List<GraphField> fields, Map<String, List<String>> from) {
    Set<String> used = new HashSet<>();
    List<String> pending = new ArrayList<>();
    fields.stream().filter(field -> field.output().isPresent())
        .forEach(field -> pending.add(field.name()));
    while (!pending.isEmpty()) {
      String name = pending.remove(pending.size() - 1);
      if (used.add(name)) {
        pending.addAll(from.getOrDefault(name, List.of()));
      }
    }
    if (used.isEmpty()) {
      return;
    }
    for (GraphField field : fields) {
      if (!used.contains(field.name()) && from.containsKey(field.name())) {
        errors.error(
            field.site(),
            field.input().isPresent()
                ? "nothing that leads to an output takes the input '" + field.name() + "'."
                : "'" + field.name() + "' leads to no @Output, so training never changes it.",
            field.input().isPresent()
                ? "Take it with a layer's from, or remove it."
                : "Take it with a layer on the way to an output, mark it @Output, or remove it.");
      }
    }
  }

  /** Whether the field is a valid custom vertex, which joins two or more as a merge does. */
  private static boolean joinsSeveral(GraphField field, Map<String, LayerOptions> options) {
    return Optional.ofNullable(options.get(field.name())).filter(LayerOptions::joinsSeveral)
        .isPresent();
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(name -> "\"" + name + "\"").toList());
  }
}
