// A missed threshold fails the build as a failure (not an error), with JaCoCo-style messages for
// every missed threshold, and the trained model is still kept for inspection.
def log = new File(basedir, 'build.log').text
assert log =~ /iris: test accuracy is 0\.\d{3}, but expected minimum is 0\.900/
assert log =~ /iris: test loss is \d+\.\d{3}, but expected maximum is 0\.500/
assert log.contains('BUILD FAILURE')
assert log.contains('MojoFailureException')
assert new File(basedir, 'target/deepbuild/iris/model.zip').isFile()

// The reports are written although the build failed: CI counts both missed thresholds as failed
// tests, and the model's page shows them.
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(basedir, 'target/deepbuild/junit/TEST-deepbuild.xml')).documentElement
assert suite.getAttribute('tests') == '2'
assert suite.getAttribute('failures') == '2'
assert suite.getAttribute('errors') == '0'
def tests = suite.getElementsByTagName('testcase')
assert (0..<tests.length).collect { tests.item(it).getAttribute('name') } == ['test accuracy >= 0.900', 'test loss <= 0.500']
def failures = suite.getElementsByTagName('failure')
assert failures.length == 2
assert failures.item(0).getAttribute('message') ==~ /iris: test accuracy is 0\.\d{3}, but expected minimum is 0\.900/
assert failures.item(0).getAttribute('type') == 'threshold'
def page = new File(basedir, 'target/deepbuild/iris/report.html').text
assert page.contains('<span class="badge missed">missed thresholds</span>')
assert (page =~ /<span class="badge missed">fail<\/span>/).count == 2
assert new File(basedir, 'target/deepbuild/index.html').text.contains('0 met, 2 missed')

// A model that missed a threshold is never packaged, nor recorded as one that passed.
assert !new File(basedir, 'target/classes/META-INF/deepbuild/iris/model.zip').exists()
assert !new File(basedir, 'target/deepbuild/iris/passed.json').exists()
