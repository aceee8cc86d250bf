import java.util.zip.ZipFile

// Three builds in one build.log; each starts by scanning for projects.
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.length == 4 : "expected three builds in build.log, found ${builds.length - 1}"
def (neverTrained, trained, skipped) = [builds[1], builds[2], builds[3]]

// With -Ddl.skip and no trained model, the build fails naming the model and the fix.
assert neverTrained.contains('Skipping DeepBuild: dl.skip is set')
assert neverTrained.contains('iris: -Ddl.skip is set, but ')
assert neverTrained.contains('Build once without -Ddl.skip (mvn package) or run mvn dl:train to train it')
assert neverTrained.contains('BUILD FAILURE')
assert !neverTrained.contains('epoch 1/')

// The bound goal trains in prepare-package, gates, and packages the model.
assert trained.contains('iris: training, because no saved model')
assert trained.contains('iris: packaged as META-INF/deepbuild/iris/model.zip')
assert trained.contains('BUILD SUCCESS')

// -Ddl.skip trains nothing and packages the model that passed, from target/deepbuild.
assert skipped =~ /Deleting .*model\.zip/
assert skipped.contains('Skipping DeepBuild: dl.skip is set')
assert !skipped.contains('training, because')
assert !skipped.contains('epoch 1/')
assert skipped.contains('iris: packaged as META-INF/deepbuild/iris/model.zip')
assert skipped.contains('BUILD SUCCESS')

def saved = new File(basedir, 'target/deepbuild/iris/model.zip')
new ZipFile(new File(basedir, 'target/skip-packages-last-passed-1.0.jar')).withCloseable { archive ->
  def entry = archive.getEntry('META-INF/deepbuild/iris/model.zip')
  assert entry != null
  assert archive.getInputStream(entry).bytes == saved.bytes
}
