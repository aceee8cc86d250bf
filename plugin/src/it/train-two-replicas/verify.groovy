// Two replicas trained the model: the plugin added ParallelWrapper's jar to the training JVM's class
// path (the project does not depend on it), and the provenance records the replicas, the backend
// and the device.
def log = new File(basedir, 'build.log').text
assert log.contains('iris: epoch 30/30')
assert log.contains('BUILD SUCCESS')
def args = new File(basedir, 'target/deepbuild/fork/java.args').text
assert args.contains('deeplearning4j-parallel-wrapper-1.0.0-M2.1.jar')
assert args.contains('-Ddeepbuild.workers=2')
assert args.contains('nd4j-native')

def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/iris/metrics.json'))
def execution = metrics.provenance.execution
assert execution.backend == 'CPU'
assert execution.backendClass == 'org.nd4j.linalg.cpu.nativecpu.CpuBackend'
assert execution.workers == 2
assert execution.threads == 1
assert execution.device.endsWith(' cores')
assert metrics.provenance.fingerprint.backend == 'CPU'
assert metrics.provenance.fingerprint.workers == '2'
def page = new File(basedir, 'target/deepbuild/iris/report.html').text
assert page.contains('2 replicas on minibatches dealt in turn')
true
