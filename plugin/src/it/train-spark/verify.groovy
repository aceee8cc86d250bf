import groovy.json.JsonSlurper

// The model trained on a real Spark session inside the training JVM (local[*]), met its
// threshold, and its metrics.json says how it was trained.
def log = new File(basedir, 'build.log').text
assert log.contains('iris: epoch 30/30')
assert log =~ /iris: test accuracy is (0\.\d\d\d|1\.000) \(minimum 0.830\)/
assert log.contains('BUILD SUCCESS')
assert !log.contains('SLF4J')

def out = new File(basedir, 'target/deepbuild/iris')
assert new File(out, 'model.zip').isFile()
def metrics = new JsonSlurper().parse(new File(out, 'metrics.json'))
assert metrics.history.size() == 30
def backend = metrics.provenance.backend
assert backend.contains('; Spark local[*], ParameterAveragingTrainingMaster(batchSizePerWorker=16,'
    + ' averagingFrequency=5, rddTrainingApproach=Direct, rngSeed=42)') : backend
assert backend.contains('bit-identical') : backend
// Training on Spark shapes the model: a later single-JVM build trains it again.
assert metrics.provenance.fingerprint['training.backend'].startsWith('Spark local[*]')
assert new File(basedir, 'target/classes/META-INF/deepbuild/iris/model.zip').isFile()
