package dev.deepbuild.runtime.predict;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.runtime.io.InputSchema;

/**
 * What a schema's rows look like to the network, in words: the one description by which a saved
 * model's input and the input its predictor was generated for are compared and named in messages.
 * A table's rows and a provider's arrays are alike; an image's scaling is the file's to say.
 */
final class InputShape {
  private InputShape() {}

  static String of(InputSchema schema) {
    return schema.accept(new InputSchema.Visitor<String>() {
      @Override
      public String csv(InputSchema.Csv csv) {
        return rows(csv.featureColumns().size());
      }

      @Override
      public String text(InputSchema.Text text) {
        return text.mode() == OutputMode.MULTI_HOT
            ? "texts as " + text.maxTokens() + " multi-hot columns"
            : "texts as sequences of " + text.sequenceLength() + " of " + text.maxTokens()
                + " word indices";
      }

      @Override
      public String provided(InputSchema.Provided provided) {
        return rows(provided.width());
      }

      @Override
      public String image(InputSchema.Image image) {
        return image.height() + "x" + image.width() + " "
            + (image.channels() == 1 ? "grayscale" : image.channels() + "-channel") + " images";
      }
    });
  }

  static String rows(int width) {
    return "rows of " + width + " feature values";
  }
}
