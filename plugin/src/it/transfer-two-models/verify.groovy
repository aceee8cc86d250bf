// A base model trains first, then the two models on it: one on its frozen features, computed
// once, and one that fine-tunes its top layer on the outputs of the frozen layers under it,
// computed once too; each saves the whole network.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def digits = log.indexOf('digits: training')
assert digits >= 0
assert log.indexOf('high: training') > digits
assert log.indexOf('tuned: training') > digits
assert log.contains('high: the pretrained base is frozen, so its outputs are computed once per split')
assert log.contains('tuned: the pretrained base is frozen up to features, so the outputs there are computed once per split')
for (model in ['digits', 'high', 'tuned']) {
  assert new File(basedir, "target/deepbuild/${model}/model.zip").isFile()
}
def high = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/high/metrics.json'))
assert high.provenance.fingerprint.pretrainedBase == 'model digits, frozen'
def tuned = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/tuned/metrics.json'))
assert tuned.provenance.fingerprint.pretrainedBase == 'model digits, its top 1 layer fine-tuned at 0.001'
