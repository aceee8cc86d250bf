// The second build of an unchanged project trains nothing and starts no training JVM: it reports
// the first build's result, both models up to date with the same checks, and their files stay as
// they were.

// The invoker appends both builds to one build.log; each starts by scanning for projects.
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.length == 3 : "expected two builds in build.log, found ${builds.length - 1}"
def (first, second) = [builds[1], builds[2]]

['iris', 'iris-wide'].each { model ->
  assert first.contains("${model}: training, because no saved model")
  assert first =~ /${model}: epoch 1\//
  assert second =~ /${model}: up to date, trained in \d+\.\d s by an earlier build/

  // The same check, with the same value, in both builds.
  def check = (first =~ /${model}: test accuracy is \d\.\d{3} \(minimum 0\.700\)/)
  assert check.find()
  assert second.contains(check.group())
}
assert second.contains('Nothing the models\' outcome depends on changed since the last build')
assert !(second =~ /epoch \d+\//)
assert !second.contains('training, because')
[first, second].each { assert it.contains('BUILD SUCCESS') }

// The only forks were the first build's, a JVM per model trained: the last request is the one
// for iris-wide, which the JVM that trained iris left to the next, and it is older than the model
// it trained.
def requestFile = new File(basedir, 'target/deepbuild/fork/request.json')
assert new groovy.json.JsonSlurper().parse(requestFile).models == ['iris-wide']
def request = requestFile.lastModified()
for (file in ['model.zip', 'metrics.json']) {
  assert new File(basedir, "target/deepbuild/iris-wide/${file}").lastModified() > request
}
assert first.contains('A new training JVM for iris-wide (one JVM per model trained)')

// The models the first build packaged are still there, untouched by the second.
for (model in ['iris', 'iris-wide']) {
  def packaged = new File(basedir, "target/classes/META-INF/deepbuild/${model}/model.zip")
  assert packaged.bytes == new File(basedir, "target/deepbuild/${model}/model.zip").bytes
}
assert second.contains('Reports and packaged models are as the last build left them')
