// Asked for CUDA on a machine without an NVIDIA driver, the build fails at once, naming what it
// checked and the fix, before resolving anything large or starting the training JVM.
def log = new File(basedir, 'build.log').text
assert log.contains('dl.backend is cuda, but this machine (linux-x86_64) has no NVIDIA driver:'
    + ' /proc/driver/nvidia/version does not exist. Train on the CPU with -Ddl.backend=cpu (the'
    + ' default), or install the NVIDIA driver for a CUDA 11.6 GPU.')
assert log.contains('BUILD FAILURE')
assert !log.contains('iris: epoch')
assert !new File(basedir, 'target/deepbuild/fork/java.args').exists()
// Nothing of the CUDA backend came into the build's local repository.
def repo = localRepositoryPath as File
assert !new File(repo, 'org/nd4j/nd4j-cuda-11.6').exists()
assert !new File(repo, 'org/bytedeco/cuda').exists()
true
