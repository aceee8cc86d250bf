// dl:train forks only when something the session's outcome depends on changed: an unchanged
// project reports the last build's result from the build's own JVM; a changed pom rule or data
// file starts the training JVM, which decides per model as before.
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.length == 6 : "expected five builds in build.log, found ${builds.length - 1}"
def (first, unchanged, rule, data, again) = builds[1..5]
def noFork = 'Nothing the models\' outcome depends on changed since the last build (outcome.json):' +
    ' its result stands, without starting the training JVM'
def forked = { build -> build.contains('flowers: up to date, reusing') || build =~ /flowers: epoch 1\// }

assert first =~ /flowers: epoch 10\/10/
assert !first.contains(noFork)

[unchanged, again].each { build ->
  assert build.contains(noFork)
  assert !forked(build)
  assert build =~ /flowers: up to date, trained in \d+\.\d s by an earlier build/
  assert build =~ /flowers: test accuracy is \d\.\d{3} \(minimum 0\.600\)/
  // The last build's reports and packaged model stand as they are.
  assert build.contains('Reports and packaged models are as the last build left them')
  assert !build.contains('flowers: packaged as')
}

assert !rule.contains(noFork)
assert rule.contains('Changed since the last build: request')
assert rule.contains('flowers: up to date, reusing target/deepbuild/flowers/model.zip')
assert rule =~ /flowers: test accuracy is \d\.\d{3} \(minimum 0\.500\)/

assert !data.contains(noFork)
assert data =~ /Changed since the last build: data \S*data.flowers\.csv/
assert data.contains('flowers: training, because the data changed (data/flowers.csv)')

assert new File(basedir, 'target/classes/META-INF/deepbuild/flowers/model.zip').bytes ==
    new File(basedir, 'target/deepbuild/flowers/model.zip').bytes
builds[1..5].each { assert it.contains('BUILD SUCCESS') }
assert new File(basedir, 'target/classes/META-INF/deepbuild/flowers/reads.txt').text == 'file data/flowers.csv\n'
