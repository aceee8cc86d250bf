// Runs only where there is no NVIDIA driver: on a GPU machine the build would resolve nd4j-cuda.
return !new File('/proc/driver/nvidia/version').exists()
