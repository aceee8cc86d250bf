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

// The reports: the model's page with its charts and confusion matrix, the index linking to it, and
// JUnit XML with the threshold as a passed test.
def root = new File(basedir, 'target/deepbuild')
def page = new File(out, 'report.html').text
assert page.contains('<span class="badge passed">passed</span>')
assert page.contains('iris: test accuracy is')
assert (page =~ /<path class="curve"/).count == 4
assert page.contains('<table class="confusion">')
assert new File(root, 'index.html').text.contains('<a href="iris/report.html">iris</a>')
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(root, 'junit/TEST-deepbuild.xml')).documentElement
assert suite.tagName == 'testsuite'
assert suite.getAttribute('name') == 'deepbuild'
assert suite.getAttribute('tests') == '1'
assert suite.getAttribute('failures') == '0'
assert suite.getAttribute('errors') == '0'
def test = suite.getElementsByTagName('testcase').item(0)
assert test.getAttribute('classname') == 'deepbuild.iris'
assert test.getAttribute('name') == 'test accuracy >= 0.800'
assert log.contains('Reports: ')

// dl:train alone compiled the project first, once, and packaged the model that passed.
assert (log =~ /:compile \(default-compile\) @ train-passes ---/).count == 1
def packaged = new File(basedir, 'target/classes/META-INF/deepbuild/iris/model.zip')
assert packaged.bytes == new File(out, 'model.zip').bytes
