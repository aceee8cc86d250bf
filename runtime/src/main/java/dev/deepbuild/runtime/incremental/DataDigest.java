package dev.deepbuild.runtime.incremental;

import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.DataSource;
import dev.deepbuild.runtime.data.ImageSource;
import dev.deepbuild.runtime.data.ProvidedSource;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.read.ImageFolderFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The digest of a model's data, from its bytes alone (nothing is parsed, so it is cheap to take
 * before every build): SHA-256 of a CSV file, a classpath resource or a text file; of a text folder,
 * SHA-256 over the relative path and bytes of every file the folder reader reads (of an image
 * folder, every image {@code ImageFolderFiles} lists, in label order); of a built-in
 * dataset, its pinned integrity, which the download is verified against; of the user's data
 * provider, its class name and the arrays it returns (the code that makes them can change
 * without any file changing).
 */
final class DataDigest {
  private static final String PREFIX = "sha256:";

  private DataDigest() {}

  /**
   * @param baseDir the project's base directory, which relative paths resolve against
   * @param resources where classpath resources are looked up
   * @throws IOException when the data cannot be read; the message names it
   */
  static String of(DataSource source, Path baseDir, ClassLoader resources) throws IOException {
    return source.accept(new DataSource.Visitor<String, IOException>() {
      @Override
      public String csv(CsvSource csv) throws IOException {
        return csv.classpathResource() ? resource(csv.location(), resources)
            : file(baseDir.resolve(csv.location()).normalize());
      }

      @Override
      public String builtin(BuiltinSource builtin) {
        return DatasetCatalog.of(builtin.dataset()).integrity().toString();
      }

      @Override
      public String text(TextSource text) throws IOException {
        Path path = baseDir.resolve(text.location()).normalize();
        return text.folder() ? folder(path) : file(path);
      }

      @Override
      public String provided(ProvidedSource provided) {
        return arrays(provided);
      }

      @Override
      public String image(ImageSource image) throws IOException {
        Path folder = baseDir.resolve(image.directory()).normalize();
        if (!Files.isDirectory(folder)) {
          throw new NoSuchFileException(folder.toString(), null, "not a folder");
        }
        List<String> files = new ArrayList<>();
        for (List<Path> images : ImageFolderFiles.list(folder).values()) {
          images.forEach(file -> files.add(folder.relativize(file).toString().replace('\\', '/')));
        }
        return files(folder, files);
      }
    });
  }

  /**
   * The provider's class name and every array it returns, each as its shape, data type and
   * values, each preceded by its length, so that moving values between arrays changes the digest.
   */
  private static String arrays(ProvidedSource provided) {
    MultiDataSet samples = provided.samples(provided.shortName());
    MessageDigest digest = Sha256.newDigest();
    byte[] name = provided.provider().getName().getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(4).putInt(name.length).array());
    digest.update(name);
    List<INDArray> arrays = new ArrayList<>(List.of(samples.getFeatures()));
    arrays.addAll(List.of(samples.getLabels()));
    for (INDArray array : arrays) {
      long[] shape = array.shape();
      ByteBuffer header = ByteBuffer.allocate(4 + 8 * shape.length + 4);
      header.putInt(shape.length);
      for (long size : shape) {
        header.putLong(size);
      }
      header.putInt(array.dataType().ordinal());
      digest.update(header.array());
      double[] values = array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
      ByteBuffer bytes = ByteBuffer.allocate(8 * values.length);
      bytes.asDoubleBuffer().put(values);
      digest.update(bytes.array());
    }
    return hex(digest);
  }

  private static String file(Path file) throws IOException {
    return sha256(Files.newInputStream(file));
  }

  private static String resource(String location, ClassLoader resources) throws IOException {
    // ClassLoader names have no leading slash, as in CsvTableReader.
    String name = location.startsWith("/") ? location.substring(1) : location;
    InputStream resource = resources.getResourceAsStream(name);
    if (resource == null) {
      throw new NoSuchFileException("classpath resource " + name);
    }
    return sha256(resource);
  }

  private static String sha256(InputStream stream) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = new DigestInputStream(stream, digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return hex(digest);
  }

  /**
   * The files TextFolderReader reads: regular files below the class folders (the folder's
   * non-hidden sub-folders), outside hidden folders, by relative path. Each path and content is
   * preceded by its length, so that moving bytes between a name and a file changes the digest.
   */
  private static String folder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new NoSuchFileException(folder.toString(), null, "not a folder");
    }
    List<String> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.filter(Files::isRegularFile)
          .map(path -> folder.relativize(path))
          .filter(relative -> relative.getNameCount() > 1 && !hidden(relative))
          .map(relative -> relative.toString().replace('\\', '/'))
          .forEach(files::add);
    }
    files.sort(null);
    return files(folder, files);
  }

  /**
   * SHA-256 over each file's relative path and bytes, in the given order, each preceded by its
   * length, so that moving bytes between a name and a file changes the digest.
   */
  private static String files(Path folder, List<String> files) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    for (String name : files) {
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      byte[] content = Files.readAllBytes(folder.resolve(name));
      digest.update(ByteBuffer.allocate(12).putInt(nameBytes.length).putLong(content.length).array());
      digest.update(nameBytes);
      digest.update(content);
    }
    return hex(digest);
  }

  private static String hex(MessageDigest digest) {
    return PREFIX + Sha256.hex(digest);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
