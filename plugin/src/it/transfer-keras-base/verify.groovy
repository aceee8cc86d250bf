// A head trains on the frozen features of the user's Keras file and passes its gate.
def log = new File(basedir, 'build.log').text
assert log.contains('onkeras: training, because no saved model')
assert log.contains('onkeras: the pretrained base is frozen, so its outputs are computed once per split')
assert log =~ /onkeras: test accuracy is \d\.\d{3} \(minimum 0\.700\)/
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/deepbuild/onkeras/model.zip').isFile()
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/onkeras/metrics.json'))
assert metrics.provenance.fingerprint.pretrainedBase == 'Keras file base.h5 up to features, frozen'
true
