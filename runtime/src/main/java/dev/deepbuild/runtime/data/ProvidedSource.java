package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Samples from the user's own code ({@code @ProvidedData}): a {@link MultiDataProvider} class,
 * created with its no-argument constructor each time its samples are read.
 *
 * @param provider the provider's class
 */
public record ProvidedSource(Class<? extends MultiDataProvider> provider) implements DataSource {
  public ProvidedSource {
    Objects.requireNonNull(provider, "provider");
  }

  public static ProvidedSource of(Class<? extends MultiDataProvider> provider) {
    return new ProvidedSource(provider);
  }

  /**
   * The provider's samples, as it returns them.
   *
   * @throws InvalidInputException naming {@code model} and the class when it cannot be created,
   *     fails or returns nothing
   */
  public MultiDataSet samples(String model) {
    MultiDataProvider instance;
    try {
      instance = provider.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new InvalidInputException(model + ": creating " + describe() + " failed: "
          + e.getCause() + ". Fix its constructor.", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new InvalidInputException(model + ": cannot create " + describe() + " (" + e
          + "). Give it a public constructor without arguments.", e);
    }
    MultiDataSet samples = instance.samples();
    if (samples == null || samples.getFeatures() == null || samples.getLabels() == null) {
      throw new InvalidInputException(model + ": " + describe() + " returned no samples; return"
          + " a MultiDataSet with a features array per @Input and a labels array per @Output.");
    }
    return samples;
  }

  @Override
  public String describe() {
    return "data provider " + provider.getName();
  }

  @Override
  public String shortName() {
    return provider.getName();
  }

  @Override
  public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
    return visitor.provided(this);
  }
}
