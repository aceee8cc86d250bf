// The model trained in a forked JVM, met its threshold, and left its files behind.
def log = new File(basedir, 'build.log').text
assert log.contains('iris: epoch 30/30')
assert log =~ /iris: test accuracy is (0\.[89]\d\d|1\.000) \(minimum 0\.800\)/
assert log.contains('BUILD SUCCESS')
assert !log.contains('SLF4J')

def out = new File(basedir, 'target/deepbuild/iris')
assert new File(out, 'model.zip').isFile()
assert new File(out, 'metrics.json').text.contains('"accuracy"')
assert out.listFiles().findAll { it.name.endsWith('.tmp') }.isEmpty()
