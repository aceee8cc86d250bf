// A functional convnet on images: the build trains it, the output meets its threshold, and the
// model is saved.
def log = new File(basedir, 'build.log').text
assert log =~ /digits-graph: digit test accuracy is 0\.\d{3} \(minimum 0\.700\)/
assert log.contains('BUILD SUCCESS')

def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/digits-graph/metrics.json'))
assert metrics.outputs.keySet() as List == ['digit']
assert metrics.outputs.digit.metrics.test.accuracy > 0.7
assert new File(basedir, 'target/deepbuild/digits-graph/model.zip').isFile()
