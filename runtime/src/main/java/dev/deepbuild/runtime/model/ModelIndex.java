package dev.deepbuild.runtime.model;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.resources.ModelResources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The models of a build. The annotation processor lists every generated {@link ModelDefinition}
 * class in the resource {@value #RESOURCE}, one class name a line; this reads those lists from a
 * class loader and instantiates the classes.
 */
public final class ModelIndex {
  public static final String RESOURCE = ModelResources.INDEX;

  private ModelIndex() {}

  /** The class names listed in {@value #RESOURCE} on the class loader's path, sorted. */
  public static List<String> classNames(ClassLoader loader) {
    try {
      return classNames(Collections.list(loader.getResources(RESOURCE)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  private static List<String> classNames(List<URL> lists) {
    TreeSet<String> names = new TreeSet<>();
    try {
      for (URL list : lists) {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
          reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return List.copyOf(names);
  }

  /**
   * The models on the class loader's path by name, in name order. A listed class that no longer
   * exists (a model class deleted since the last full compile) is skipped.
   */
  public static Map<String, ModelDefinition> load(ClassLoader loader) {
    return load(loader, classNames(loader));
  }

  /**
   * The models that the class output {@code classes} lists, loaded through {@code loader}, as
   * {@link #load(ClassLoader)}; every list on the loader's path when {@code classes} is null. A
   * module's build works on its own models only: a dependency's jar lists the models its own
   * module trained and packaged.
   */
  public static Map<String, ModelDefinition> load(ClassLoader loader, Path classes) {
    if (classes == null) {
      return load(loader);
    }
    Path list = classes.resolve(RESOURCE);
    try {
      return load(loader, Files.isRegularFile(list) ? classNames(List.of(list.toUri().toURL())) : List.of());
    } catch (MalformedURLException e) {
      throw new UncheckedIOException("Cannot read " + list, e);
    }
  }

  private static Map<String, ModelDefinition> load(ClassLoader loader, List<String> classNames) {
    List<ModelDefinition> models = new ArrayList<>();
    for (String className : classNames) {
      Class<?> type;
      try {
        type = Class.forName(className, true, loader);
      } catch (ClassNotFoundException stale) {
        continue;
      }
      models.add(instantiate(type));
    }
    models.sort((a, b) -> a.spec().name().compareTo(b.spec().name()));
    Map<String, ModelDefinition> byName = new LinkedHashMap<>();
    for (ModelDefinition model : models) {
      ModelDefinition other = byName.putIfAbsent(model.spec().name(), model);
      if (other != null) {
        throw new DeepBuildException("Two models are named '" + model.spec().name() + "': "
            + other.spec().declaringClass() + " and " + model.spec().declaringClass()
            + "; give one of them another @Model(name = ...)");
      }
    }
    return byName;
  }

  private static ModelDefinition instantiate(Class<?> type) {
    if (!ModelDefinition.class.isAssignableFrom(type)) {
      throw new DeepBuildException(type.getName() + " is listed in " + RESOURCE
          + " but is not a " + ModelDefinition.class.getSimpleName()
          + "; clean the build (mvn clean) to regenerate the list");
    }
    try {
      return (ModelDefinition) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new DeepBuildException("Cannot create model " + type.getName() + ": " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new DeepBuildException("Cannot create model " + type.getName() + ": " + e, e);
    }
  }
}
