package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Pretrained;
import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.naming.Nearest;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.PretrainedOptions;
import dev.deepbuild.processor.model.PretrainedSource;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks a {@code @Pretrained} base: one base named, the fine-tuning's values, and for another
 * model of the build that it is a {@code @Model} class without a cycle of bases, that {@code upTo}
 * is one of its layers and {@code trainable} no more than it keeps, and what it takes and gives,
 * from that class's own layers.
 */
final class PretrainedValidator {

  private final ErrorReporter errors;
  private final Function<TypeElement, Optional<ModelDescription>> describe;

  /** @param describe the description of another model class, reporting nothing */
  PretrainedValidator(
      ErrorReporter errors, Function<TypeElement, Optional<ModelDescription>> describe) {
    this.errors = errors;
    this.describe = describe;
  }

  Optional<PretrainedOptions> validate(AnnotationSite site) {
    int before = errors.errorCount();
    int trainable = site.intValue("trainable");
    if (trainable < 0) {
      errors.error(site, "trainable", "trainable is how many of the base's top layers train with"
              + " the head, so it is 0 (a frozen base) or more.",
          "Set 0 to extract features, or the number of top layers to fine-tune, such as 1.");
    }
    double rate = site.doubleValue("fineTuneLearningRate");
    if (!Double.isNaN(rate) && !(rate > 0 && Double.isFinite(rate))) {
      errors.error(site, "fineTuneLearningRate", "a learning rate is a positive number.",
          "Set a low rate such as 1e-5, or remove fineTuneLearningRate for the model's own.");
    }
    if (!Double.isNaN(rate) && trainable == 0) {
      errors.error(site, "fineTuneLearningRate", "the base is frozen (trainable = 0), so no layer"
              + " of it trains at this rate.",
          "Set trainable to the number of top layers to fine-tune, or remove"
              + " fineTuneLearningRate.");
    }
    Optional<Base> base = base(site, trainable);
    if (errors.errorCount() > before || base.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PretrainedOptions(base.get().source(), base.get().parameters(),
        base.get().layers(), trainable, rate));
  }

  /**
   * A base with its parameters as far as the compiler knows them (a file's: 0) and the layers it
   * keeps (a file's: unknown).
   */
  private record Base(PretrainedSource source, Size parameters, OptionalInt layers) {
    Base(PretrainedSource source) {
      this(source, Size.of(0), OptionalInt.empty());
    }
  }

  private Optional<Base> base(AnnotationSite site, int trainable) {
    TypeMirror model = site.typeValue("model");
    boolean named = model.getKind() != TypeKind.VOID;
    String keras = site.stringValue("keras");
    List<PretrainedModel> catalog = site.enumValues("catalog", PretrainedModel.class);
    List<String> written = new ArrayList<>();
    if (named) {
      written.add("model");
    }
    if (!keras.isEmpty()) {
      written.add("keras");
    }
    if (!catalog.isEmpty()) {
      written.add("catalog");
    }
    if (written.isEmpty()) {
      errors.error(site, "it names no base, and a pretrained layer is one network.",
          "Set one of model = OtherModel.class (a model of this build), keras = \"base.h5\""
              + " (your Keras file) or catalog = MOBILENET_V2.");
      return Optional.empty();
    }
    if (written.size() > 1) {
      errors.error(site, written.get(1), "it names " + String.join(" and ", written)
              + ", and a pretrained layer is one network.",
          "Keep one of " + String.join(", ", written) + ".");
      return Optional.empty();
    }
    if (catalog.size() > 1) {
      errors.error(site, "catalog", "a pretrained layer is one network.", "Name one network.");
      return Optional.empty();
    }
    List<Integer> declared = Arrays.stream(site.intValues("outputShape")).boxed().toList();
    if (keras.isEmpty() && !declared.isEmpty()) {
      errors.error(site, "outputShape", "the shape of a base of " + written.get(0) + " = is"
              + " inferred, and outputShape declares a Keras file's only.",
          "Remove outputShape.");
      return Optional.empty();
    }
    String upTo = site.stringValue("upTo");
    if (!catalog.isEmpty()) {
      if (!upTo.isEmpty()) {
        errors.error(site, "upTo", "a catalog network is taken without its top, up to its last"
            + " feature map.", "Remove upTo.");
        return Optional.empty();
      }
      PretrainedModel network = catalog.get(0);
      if (trainable > network.layers()) {
        errors.error(site, "trainable", network + " has " + network.layers() + " layers, fewer"
            + " than trainable asks for.", "Set trainable to " + network.layers() + " or fewer.");
        return Optional.empty();
      }
      return Optional.of(new Base(new PretrainedSource.Catalog(network),
          Size.of(network.parameters()), OptionalInt.of(network.layers())));
    }
    if (keras.toLowerCase(Locale.ROOT).endsWith(".keras")) {
      // What the compiler knows of the file without reading it; the runtime reads its content.
      errors.error(site, "keras", "a .keras file is Keras 3's zip format, which DL4J's Keras"
              + " import does not read.", "Save the model in HDF5, model.save(\"base.h5\")"
              + " (Keras 2 or tf_keras), and name that file.");
      return Optional.empty();
    }
    if (!keras.isEmpty()) {
      return kerasOutput(site, declared)
          .map(output -> new Base(new PretrainedSource.KerasFile(keras, upTo, output)));
    }
    return ownModel(site, (TypeElement) ((DeclaredType) model).asElement(), upTo, trainable);
  }

  /** A Keras file's declared output: a vector of N values, or height x width x channels. */
  private Optional<Shape> kerasOutput(AnnotationSite site, List<Integer> declared) {
    boolean positive = declared.stream().allMatch(size -> size > 0);
    if (declared.size() == 1 && positive) {
      return Optional.of(Shape.vector(declared.get(0)));
    }
    if (declared.size() == 3 && positive) {
      return Optional.of(new Shape.Image(declared.get(0), declared.get(1), declared.get(2)));
    }
    String problem = "the compiler cannot read a Keras file, so the annotation declares the shape"
        + " the base gives: a feature vector {N} or a feature map {height, width, channels},"
        + " each size positive.";
    String fix = "Set outputShape to what the Keras model's last kept layer gives, such as"
        + " outputShape = {4, 4, 512}.";
    if (declared.isEmpty()) {
      errors.error(site, problem, fix);
    } else {
      errors.error(site, "outputShape", problem, fix);
    }
    return Optional.empty();
  }

  private Optional<Base> ownModel(
      AnnotationSite site, TypeElement base, String upTo, int trainable) {
    if (base.getAnnotationMirrors().stream()
        .noneMatch(mirror -> AnnotationSite.isOfType(mirror, Model.class))) {
      errors.error(site, "model", base.getSimpleName() + " is not a @Model class, so no training"
              + " saves a network for it.",
          "Name a @Model class of this build, or annotate " + base.getSimpleName()
              + " with @Model.");
      return Optional.empty();
    }
    List<String> cycle = cycle(owner(site), base);
    if (!cycle.isEmpty()) {
      errors.error(site, "model", "the bases form a cycle, " + String.join(" -> ", cycle)
              + ", and each base trains before the model built on it.",
          "Remove the @Pretrained(model = ...) of one of them.");
      return Optional.empty();
    }
    Optional<ModelDescription> description = describe.apply(base);
    if (description.isEmpty()) {
      errors.error(site, "model", base.getSimpleName() + " has errors of its own, reported on"
          + " it, so what it gives is not known.", "Fix " + base.getSimpleName() + " first.");
      return Optional.empty();
    }
    List<LayerDescription> layers = description.get().layers();
    List<String> names = layers.stream().map(LayerDescription::name).toList();
    int end;
    if (upTo.isEmpty()) {
      end = layers.size() - 2;
      if (end < 0) {
        errors.error(site, "model", base.getSimpleName() + " has only its output layer, which"
                + " a base is taken without.",
            "Give " + base.getSimpleName() + " a hidden layer, or set upTo = \"" + names.get(0)
                + "\" to keep its output layer.");
        return Optional.empty();
      }
    } else {
      end = names.indexOf(upTo);
      if (end < 0) {
        errors.error(site, "upTo", "'" + upTo + "' is not a layer of " + base.getSimpleName()
                + ", whose layers are " + String.join(", ", names) + "."
                + Nearest.didYouMean(upTo, names),
            "Name the last layer of " + base.getSimpleName() + " to keep.");
        return Optional.empty();
      }
    }
    List<LayerDescription> kept = layers.subList(0, end + 1);
    OptionalInt count = networkLayers(kept);
    if (count.isPresent() && trainable > count.getAsInt()) {
      errors.error(site, "trainable", "the base keeps " + count.getAsInt() + " layer"
              + (count.getAsInt() == 1 ? "" : "s") + " of " + base.getSimpleName() + " ("
              + kept.stream().map(PretrainedValidator::counted).collect(Collectors.joining(", "))
              + "), fewer than trainable asks for.",
          "Set trainable to " + count.getAsInt() + " or fewer.");
      return Optional.empty();
    }
    return Optional.of(new Base(new PretrainedSource.OwnModel(description.get().name(), upTo,
        layers.get(0).inputShape(), layers.get(end).outputShape()), sum(kept.size(), layers),
        count));
  }

  /** The layers {@code trainable} counts among: a base of the base's all, a flatten none. */
  private static OptionalInt networkLayers(List<LayerDescription> kept) {
    int total = 0;
    for (LayerDescription layer : kept) {
      OptionalInt count = layer.options().networkLayers();
      if (count.isEmpty()) {
        return OptionalInt.empty();
      }
      total += count.getAsInt();
    }
    return OptionalInt.of(total);
  }

  /** A kept layer as a message lists it: its name, and how many layers it counts if not one. */
  private static String counted(LayerDescription layer) {
    int count = layer.options().networkLayers().orElse(1);
    return layer.name() + switch (count) {
      case 1 -> "";
      case 0 -> " (none: it reshapes)";
      default -> " (" + count + " layers)";
    };
  }

  /** The kept layers' parameters, when each is known at compile time; 0 otherwise. */
  private static Size sum(int kept, List<LayerDescription> layers) {
    long total = 0;
    for (LayerDescription layer : layers.subList(0, kept)) {
      if (!layer.parameters().isKnown()) {
        return Size.of(0);
      }
      total += layer.parameters().value();
    }
    return Size.of(total);
  }

  private static TypeElement owner(AnnotationSite site) {
    Element element = site.element();
    while (!(element instanceof TypeElement type)) {
      element = element.getEnclosingElement();
    }
    return type;
  }

  /**
   * The path of classes from {@code owner} through its bases back to it, empty when the bases do
   * not lead back to it (a cycle further down is reported on its own classes).
   */
  private static List<String> cycle(TypeElement owner, TypeElement base) {
    List<String> path = new ArrayList<>(List.of(owner.getSimpleName().toString()));
    Set<TypeElement> seen = new LinkedHashSet<>();
    TypeElement current = base;
    while (current != null && seen.add(current)) {
      path.add(current.getSimpleName().toString());
      if (current.equals(owner)) {
        return path;
      }
      current = baseOf(current).orElse(null);
    }
    return List.of();
  }

  /** The model class that a class's {@code @Pretrained(model = ...)} names, if any. */
  private static Optional<TypeElement> baseOf(TypeElement type) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Optional<AnnotationSite> site = AnnotationSite.find(field, Pretrained.class);
      if (site.isPresent()) {
        TypeMirror model = site.get().typeValue("model");
        if (model instanceof DeclaredType declared) {
          return Optional.of((TypeElement) declared.asElement());
        }
      }
    }
    return Optional.empty();
  }
}
