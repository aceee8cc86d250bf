// A head trains on the user's Keras file and passes its gate; when the file changes, the model
// is out of date and trains again.
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.length == 3 : "expected two builds in build.log, found ${builds.length - 1}"
def (first, second) = [builds[1], builds[2]]
assert first.contains('onkeras: training, because no saved model')
assert first.contains('onkeras: the pretrained base is frozen, so its outputs are computed once per split')
assert first =~ /onkeras: test accuracy is \d\.\d{3} \(minimum 0\.700\)/
assert first.contains('BUILD SUCCESS')
assert second.contains('onkeras: training, because the network changed')
assert second.contains('BUILD SUCCESS')
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/onkeras/metrics.json'))
assert metrics.provenance.fingerprint.pretrainedBase == 'Keras file base.h5 up to features, frozen'
true
