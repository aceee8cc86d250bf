// Between two builds one model's seed, one's network, one's data file and one's threshold
// changed. The second build trains exactly the first three, each with its reason, reuses the
// other two, and checks the reused model's new threshold against its saved metrics.

// The invoker appends both builds to one build.log; each starts by scanning for projects.
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.length == 3 : "expected two builds in build.log, found ${builds.length - 1}"
def (first, second) = [builds[1], builds[2]]
def models = ['flowers', 'gated', 'seeded', 'steady', 'widened']

models.each { model ->
  assert first.contains("${model}: training, because no saved model")
  assert first =~ /${model}: epoch 10\/10/
}
assert first.contains('BUILD SUCCESS')

def trained = { model -> second =~ /${model}: epoch 1\// }
assert second.contains('seeded: training, because the seed changed (42 -> 7)')
assert second.contains('widened: training, because the network changed')
assert second.contains('flowers: training, because the data changed (data/flowers.csv)')
['seeded', 'widened', 'flowers'].each { assert trained(it) }

['steady', 'gated'].each { model ->
  assert second.contains("${model}: up to date, reusing target/deepbuild/${model}/model.zip")
  assert !trained(model)
}
assert (second =~ /training, because/).count == 3

// The reused model's new threshold is checked against the loss it was saved with, and fails.
assert second =~ /gated: test loss is \d\.\d{3}, but expected maximum is 0\.001/
assert !second.contains('gated: test accuracy')
assert second.contains('BUILD FAILURE')
assert second.contains('MojoFailureException')
assert second =~ /steady: test accuracy is \d\.\d{3} \(minimum 0\.600\)/

// The retrained models' metrics record their new inputs.
def fingerprint = { model ->
  new groovy.json.JsonSlurper().parse(new File(basedir, "target/deepbuild/${model}/metrics.json")).provenance.fingerprint
}
assert fingerprint('seeded').seed == '7'
assert fingerprint('steady').seed == '42'
assert fingerprint('widened').network != fingerprint('steady').network
assert fingerprint('flowers')['data.digest'] != fingerprint('steady')['data.digest']

// Classes and a data file changed: the build started the training JVM, saying what changed.
assert second =~ /Changed since the last build: classpath 000 \S+target.classes/
assert !second.contains('Nothing the models\' outcome depends on changed')
