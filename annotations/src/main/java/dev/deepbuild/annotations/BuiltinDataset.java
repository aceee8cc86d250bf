package dev.deepbuild.annotations;

import java.util.List;
import java.util.Optional;

/**
 * The real datasets DeepBuild fetches by name, as Keras's {@code keras.datasets}. Each is pinned to a
 * source, a version and an integrity hash by the runtime's catalog, downloaded once into a user-level
 * cache and verified. Each comes with its own fixed test split, so every model of a dataset is
 * measured on the same test data.
 */
public enum BuiltinDataset {
  /**
   * 50,000 movie reviews labelled positive (1) or negative (0); exact duplicate texts are dropped so
   * that none is in both the training and the test split. Text: needs {@link TextVectorization}.
   * Test split: half of the reviews, stratified.
   */
  IMDB(Task.CLASSIFICATION, 2, 0, true, List.of("text"),
      List.of(new LabelField("sentiment", Task.CLASSIFICATION, 2))),
  /**
   * 11,228 Reuters newswires in 46 topics, by Keras's rule: a wire's first topic, topics with at
   * least 15 wires. Text: needs {@link TextVectorization}. Test split: 20%, stratified by topic.
   * Fields for a functional model's inputs and outputs: the texts {@code text} (the body, or the
   * title when a wire has no body), {@code title} and {@code body}; the labels {@code topic} (46
   * classes) and {@code usa} (whether the wire lists {@code usa} among its places: 6,904 do).
   */
  REUTERS(Task.CLASSIFICATION, 46, 0, true, List.of("text", "title", "body"),
      List.of(new LabelField("topic", Task.CLASSIFICATION, 46),
          new LabelField("usa", Task.CLASSIFICATION, 2))),
  /**
   * 506 Boston suburbs of the 1970s, 13 features, the median home value in thousands of dollars as
   * the target. Test split: 102 rows (20%), as Keras's.
   */
  BOSTON_HOUSING(Task.REGRESSION, 0, 13, false, List.of(), List.of()),
  /**
   * 70,000 handwritten digits, 28x28 grayscale (pixel values 0-255), labelled 0 to 9, as Keras's
   * {@code mnist.load_data()}. Test split: the official 10,000 test images. Like every image
   * dataset, and {@link ImageData}, it offers a functional model the fields {@value #IMAGE_FIELD}
   * (the pixels, an input) and {@value #LABEL_FIELD} (the class, an output).
   */
  MNIST(Task.CLASSIFICATION, 10, new ImageShape(28, 28, 1)),
  /**
   * 70,000 Zalando article images, 28x28 grayscale (0-255), in 10 classes (T-shirt, trouser,
   * pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot). The package has no split of its
   * own: the test split is a fixed, seeded, stratified 10,000 images, the same for every model.
   */
  FASHION_MNIST(Task.CLASSIFICATION, 10, new ImageShape(28, 28, 1)),
  /**
   * 2,000 small colour photos, 32x32 RGB (0-255), 1,000 cats (0) and 1,000 dogs (1), taken from
   * CIFAR-10: the book's cats-vs-dogs example at a size a build can train. Test split: 20%,
   * stratified.
   */
  CATS_VS_DOGS(Task.CLASSIFICATION, 2, new ImageShape(32, 32, 3));

  /**
   * The field of an image dataset, or of {@link ImageData}, that is the image: what a functional
   * model's {@code @Input(field)} reads, of the dataset's {@link #imageShape()} (or
   * {@code @Resizing}'s size).
   */
  public static final String IMAGE_FIELD = "image";

  /**
   * The field of an image dataset, or of {@link ImageData}, that is the image's class: what a
   * functional model's {@code @Output(field)} predicts.
   */
  public static final String LABEL_FIELD = "label";

  /**
   * The size of an image dataset's images, as Keras's {@code (height, width, channels)}.
   *
   * @param channels 1 for grayscale, 3 for RGB
   */
  public record ImageShape(int height, int width, int channels) {
    /** The number of values of one image. */
    public int values() {
      return height * width * channels;
    }
  }

  /**
   * A field of a dataset that a functional model's output can predict.
   *
   * @param name the field's name, as {@code @Output(field)} names it
   * @param task what predicting it is
   * @param classes its number of classes (2 for a yes-or-no field)
   */
  public record LabelField(String name, Task task, int classes) {}

  private final Task task;
  private final int classes;
  private final int features;
  private final boolean text;
  private final List<String> textFields;
  private final List<LabelField> labelFields;
  private final ImageShape imageShape;

  BuiltinDataset(Task task, int classes, ImageShape imageShape) {
    this.task = task;
    this.classes = classes;
    this.features = 0;
    this.text = false;
    this.textFields = List.of();
    this.labelFields = List.of(new LabelField(LABEL_FIELD, task, classes));
    this.imageShape = imageShape;
  }

  BuiltinDataset(Task task, int classes, int features, boolean text, List<String> textFields,
      List<LabelField> labelFields) {
    this.task = task;
    this.classes = classes;
    this.features = features;
    this.text = text;
    this.textFields = textFields;
    this.labelFields = labelFields;
    this.imageShape = null;
  }

  /** The size of its images, for an image dataset; empty for texts and tables. */
  public Optional<ImageShape> imageShape() {
    return Optional.ofNullable(imageShape);
  }

  /** The image fields a functional model's inputs can read: {@value #IMAGE_FIELD}, or none. */
  public List<String> imageFields() {
    return imageShape == null ? List.of() : List.of(IMAGE_FIELD);
  }

  /** The text fields a functional model's inputs can read; empty for a table or images. */
  public List<String> textFields() {
    return textFields;
  }

  /** The label fields a functional model's outputs can predict, the dataset's label first. */
  public List<LabelField> labelFields() {
    return labelFields;
  }

  /** The label field named {@code name}, if the dataset has it. */
  public Optional<LabelField> labelField(String name) {
    return labelFields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /** What a model of this dataset predicts. */
  public Task task() {
    return task;
  }

  /** The number of classes of a classification dataset, 0 for regression. */
  public int classes() {
    return classes;
  }

  /**
   * The number of input features of a table; 0 for text, whose features the vectorization makes,
   * and for images, whose shape is {@link #imageShape()}.
   */
  public int features() {
    return features;
  }

  /** Whether samples are texts, which {@link TextVectorization} turns into features. */
  public boolean text() {
    return text;
  }
}
