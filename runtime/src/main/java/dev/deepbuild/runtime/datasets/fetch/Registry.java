package dev.deepbuild.runtime.datasets.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * An npm registry's address and where the user configured it, which messages repeat so a wrong
 * address can be traced to the file or variable that set it.
 *
 * @param address an absolute http or https URL
 * @param source for example {@code /home/ana/.npmrc} or {@code environment npm_config_registry}
 */
public record Registry(URI address, String source) {
  public Registry {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(source, "source");
    String scheme = address.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
        || address.getHost() == null) {
      throw new IllegalArgumentException("'" + address + "' (from " + source
          + ") is not an http or https URL of an npm registry");
    }
  }

  /** The URL of a package's tarball: the address, a slash, and {@link NpmPackage#registryPath()}. */
  public URI tarball(NpmPackage npmPackage) {
    String base = address.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + npmPackage.registryPath());
  }
}
