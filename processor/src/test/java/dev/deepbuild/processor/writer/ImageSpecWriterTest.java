package dev.deepbuild.processor.writer;

import static com.google.common.truth.Truth.assertThat;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.Flip;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.OptimizerType;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DenseOptions;
import dev.deepbuild.processor.model.ImagePreprocessing;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.OptimizerDescription;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.SplitDescription;
import dev.deepbuild.processor.model.TrainingDescription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The spec of image models: the data source, the split, {@code @Resizing}, {@code @Rescaling} and
 * {@code @Augmentation}, written as a person would. The layers are beside the point: the output
 * layer is given the data's shape directly.
 */
class ImageSpecWriterTest {
  private static String spec(DataDescription data, ImagePreprocessing images) {
    Shape input = images.inputShape(data.inputShape(Optional.empty()));
    LayerDescription output = new LayerDescription("output",
        new DenseOptions(2, Activation.SOFTMAX), input, Shape.vector(2),
        LayerDescription.of("probe", new DenseOptions(2, Activation.SOFTMAX), Shape.vector(1))
            .parameters());
    ModelDescription model = new ModelDescription("com.example.Pets", "pets", 42, data,
        Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
        new TrainingDescription(5, 32, new OptimizerDescription(OptimizerType.ADAM, 0.001),
            Loss.CATEGORICAL_CROSSENTROPY), List.of(output), List.of(), Optional.empty(), images);
    String code = SpecWriter.spec(model).toString();
    // Each line as written, without the method's indentation.
    return code.substring(code.indexOf("return"), code.indexOf(".epochs(")).lines()
        .map(String::strip).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void catsVsDogsRescaledAndAugmentedAsTheBookDoes() {
    assertThat(spec(new DataDescription.Builtin(BuiltinDataset.CATS_VS_DOGS, 0),
        new ImagePreprocessing(Optional.empty(),
            Optional.of(new ImagePreprocessing.Rescaling(1 / 255.0, 0)),
            Optional.of(new ImagePreprocessing.Augmentation(Flip.HORIZONTAL, 0.1, 0.2, 0, 0)))))
        .isEqualTo("""
            return dev.deepbuild.runtime.model.ModelSpec.builder("pets")
            .declaredBy("com.example.Pets")
            .seed(42L)
            .data(dev.deepbuild.runtime.data.BuiltinSource.of(\
            dev.deepbuild.annotations.BuiltinDataset.CATS_VS_DOGS))
            .classification(2)
            // Every pixel value of every split becomes value * scale + offset.
            .rescaling(dev.deepbuild.runtime.model.RescalingSpec.scale(0.00392156862745098))
            // Training minibatches only are changed at random, by the seed and the epoch.
            .augmentation(dev.deepbuild.runtime.model.AugmentationSpec.none()\
            .flip(dev.deepbuild.annotations.Flip.HORIZONTAL).rotation(0.1).zoom(0.2))

            """);
  }

  @Test
  void anImageFolderIsAnImageSourceWithItsSplitAndOffset() {
    assertThat(spec(new DataDescription.Images("data/pets", 180, 160, 1,
            new SplitDescription(0.2, 0.1)),
        new ImagePreprocessing(Optional.empty(),
            Optional.of(new ImagePreprocessing.Rescaling(1 / 127.5, -1)),
            Optional.of(new ImagePreprocessing.Augmentation(Flip.NONE, 0, 0, 0.1, 0.3)))))
        .contains("""
            .data(dev.deepbuild.runtime.data.ImageSource.folder("data/pets", 180, 160)\
            .channels(1))
            .testFraction(0.2)
            .validationFraction(0.1)
            .classification(0)  // 0: the classes are those found in the data
            // Every pixel value of every split becomes value * scale + offset.
            .rescaling(dev.deepbuild.runtime.model.RescalingSpec.scale(0.00784313725490196)\
            .offset(-1.0))
            // Training minibatches only are changed at random, by the seed and the epoch.
            .augmentation(dev.deepbuild.runtime.model.AugmentationSpec.none().translation(0.1)\
            .contrast(0.3))
            """);
  }

  @Test
  void resizingComesFirstAsTheSizeToResizeTo() {
    assertThat(spec(new DataDescription.Builtin(BuiltinDataset.CATS_VS_DOGS, 0),
        new ImagePreprocessing(Optional.of(new ImagePreprocessing.Resizing(96, 80)),
            Optional.of(new ImagePreprocessing.Rescaling(1 / 255.0, 0)), Optional.empty())))
        .contains("""
            .classification(2)
            // Every image of every split is resized bilinearly once, when it is read.
            .resizing(dev.deepbuild.runtime.model.ResizingSpec.to(96, 80))
            // Every pixel value of every split becomes value * scale + offset.
            """);
  }
}
