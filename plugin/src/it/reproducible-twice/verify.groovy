import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

// Two builds with the same inputs on one machine train bit-identical models: the second build
// trained again (-Ddl.force) and its metrics and learning curve equal the first's to the last
// digit. Each metrics.json says what its model was trained with.

// The invoker appends both builds to one build.log; each starts by scanning for projects.
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.length == 3 : "expected two builds in build.log, found ${builds.length - 1}"
def (first, second) = [builds[1], builds[2]]
assert first.contains('iris: training, because no saved model')
assert second.contains('iris: training, because -Ddl.force is set')
[first, second].each {
  assert it.contains('iris: epoch 20/20')
  assert it.contains('BUILD SUCCESS')
}

// JsonSlurper reads numbers as BigDecimal, every digit Java wrote: equal means the same double.
def read = { new JsonSlurper().parse(new File(basedir, it)) }
def a = read('target/deepbuild/iris/metrics.json')
def b = read('target/deepbuild-second/iris/metrics.json')
assert a.metrics == b.metrics
assert a.history == b.history
assert a.history.size() == 20
// What trained the model is the same; the memory it took is measured, not chosen.
assert a.provenance.findAll { it.key != 'memory' } == b.provenance.findAll { it.key != 'memory' }
assert a.provenance.memory.heapPeakBytes > 0

// The versions the invoker wrote into this project's pom.
def pom = new File(basedir, 'pom.xml').text
def version = { artifact -> (pom =~ /<artifactId>${artifact}<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1] }
def dl4j = version('deeplearning4j-core')
def p = a.provenance
assert p.deepbuild == version('deepbuild-runtime')
assert p.dl4j == dl4j
assert p.nd4j == dl4j
assert p.java ==~ /\d+.*/
assert p.ompNumThreads == '1'
assert p.backend ==~ /CPU, OPENBLAS(, ONEDNN)?/ : p.backend  // ONEDNN where the natives have it (x86-64)
assert p.dataType == 'FLOAT'
assert p.seed == 42

// The data digest is the SHA-256 of the iris.dat resource the model read.
def jar = new File(localRepositoryPath,
    "org/deeplearning4j/deeplearning4j-core/${dl4j}/deeplearning4j-core-${dl4j}.jar")
def bytes = new ZipFile(jar).withCloseable { zip -> zip.getInputStream(zip.getEntry('iris.dat')).bytes }
assert p.data == 'sha256:' + MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()

def f = p.fingerprint
assert f['data.digest'] == p.data
assert f.seed == '42' && f.epochs == '20' && f.batchSize == '16' && f.standardize == 'true'
assert f.network ==~ /sha256:[0-9a-f]{64}/
assert f['deepbuild.version'] == p.deepbuild && f['dl4j.version'] == dl4j
assert !f.keySet().any { it.toLowerCase().contains('threshold') }
