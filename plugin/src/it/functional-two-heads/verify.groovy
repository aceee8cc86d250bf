// A functional model of two outputs: the one that meets its threshold passes, the one that misses
// fails the build, and the log, the JUnit report and metrics.json name each output.
def log = new File(basedir, 'build.log').text
assert log =~ /tickets: topic test accuracy is 0\.\d{3} \(minimum 0\.450\)/
assert log =~ /tickets: usa test accuracy is 0\.\d{3}, but expected minimum is 0\.990/
assert log =~ /tickets: epoch 2\/2 - loss: \d\.\d{4} - topic_loss: \d\.\d{4} - topic_accuracy: 0\.\d{4} - usa_loss: \d\.\d{4} - usa_accuracy: 0\.\d{4} - val_loss: /
assert log.contains('BUILD FAILURE')
assert log.contains('MojoFailureException')

def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(basedir, 'target/deepbuild/junit/TEST-deepbuild.xml')).documentElement
assert suite.getAttribute('tests') == '2'
assert suite.getAttribute('failures') == '1'
def tests = suite.getElementsByTagName('testcase')
assert (0..<tests.length).collect { tests.item(it).getAttribute('name') } ==
    ['topic test accuracy >= 0.450', 'usa test accuracy >= 0.990']
def failures = suite.getElementsByTagName('failure')
assert failures.length == 1
assert failures.item(0).getAttribute('message') ==~ /tickets: usa test accuracy is 0\.\d{3}, but expected minimum is 0\.990/

def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/tickets/metrics.json'))
assert metrics.outputs.keySet() as List == ['topic', 'usa']
assert metrics.outputs.topic.metrics.test.accuracy > 0.45
assert metrics.outputs.usa.baseline.test.accuracy > 0.5
assert metrics.metrics.test.keySet() as List == ['loss']
assert new File(basedir, 'target/deepbuild/tickets/model.zip').isFile()
assert new File(basedir, 'target/deepbuild/tickets/report.html').text.contains('Final metrics of the output usa')
