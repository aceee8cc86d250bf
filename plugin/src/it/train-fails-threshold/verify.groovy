// A missed threshold fails the build as a failure (not an error), with JaCoCo-style messages for
// every missed threshold, and the trained model is still kept for inspection.
def log = new File(basedir, 'build.log').text
assert log =~ /iris: test accuracy is 0\.\d{3}, but expected minimum is 0\.900/
assert log =~ /iris: test loss is \d+\.\d{3}, but expected maximum is 0\.500/
assert log.contains('BUILD FAILURE')
assert log.contains('MojoFailureException')
assert new File(basedir, 'target/deepbuild/iris/model.zip').isFile()
