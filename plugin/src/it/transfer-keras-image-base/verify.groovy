// A head trains on the frozen feature map of a Keras conv base saved channels last, and passes
// its gate.
def log = new File(basedir, 'build.log').text
assert log.contains('onkerasimages: training, because no saved model')
assert log =~ /onkerasimages: test accuracy is \d\.\d{3} \(minimum 0\.800\)/
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/deepbuild/onkerasimages/model.zip').isFile()
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/onkerasimages/metrics.json'))
assert metrics.provenance.fingerprint.pretrainedBase == 'Keras file base.h5 up to norm, frozen'
true
