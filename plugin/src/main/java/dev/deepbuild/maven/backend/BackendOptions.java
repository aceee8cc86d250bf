package dev.deepbuild.maven.backend;

/**
 * The build's choices that refine what a backend puts on the training JVM's class path.
 *
 * @param cudaRedist whether CUDA's own libraries come as a jar ({@code org.bytedeco:cuda}'s
 *     {@code -redist} classifier, about 1.8 GB) for a machine with the NVIDIA driver but without
 *     CUDA 11.6 installed
 * @param pluginVersion the plugin's version, which is {@code deepbuild-spark}'s
 */
public record BackendOptions(boolean cudaRedist, String pluginVersion) {}
