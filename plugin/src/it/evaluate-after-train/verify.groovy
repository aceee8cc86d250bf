// dl:evaluate measures the saved model on the rows it was tested on, so it reports exactly the test
// metrics dl:train reported, without training; thresholds on other splits use the saved values.
// With dl.evaluate.data it measures every row of that file instead.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.count('iris: epoch 30/30') == 1
assert log.count('Evaluating iris (it.iris.Iris)') == 2
assert log =~ /iris: evaluating target.deepbuild.iris.model\.zip on all 6 rows of file \S+flowers\.csv/
assert log =~ /iris: test accuracy is \d\.\d{3}, but expected minimum is 0\.800; on all 6 rows of file \S+flowers\.csv|iris: test accuracy is \d\.\d{3} \(minimum 0\.800\); on all 6 rows of file \S+flowers\.csv/
assert log =~ /iris: evaluating target.deepbuild.iris.model\.zip on its test split: 30 of 150 rows of 4 features from classpath resource iris\.dat/
assert log =~ /iris: evaluated in \d+\.\d s - loss: \d\.\d{4} - accuracy: \d\.\d{4}/

// The first line is dl:train's, the second that of dl:evaluate on the test split.
def tested = (log =~ /iris: test accuracy is (\d\.\d{3}) \(minimum 0\.800\)\r?\n/).collect { it[1] }
assert tested.size() == 2
assert tested[0] == tested[1]
assert log =~ /iris: training accuracy is \d\.\d{3} \(minimum 0\.800\); as dl:train measured it \(metrics\.json\)/
assert log.count('BUILD SUCCESS') == 3

// Exactly, not only to three decimals: dl:train's metrics.json against the last result.json.
def json = new JsonSlurper()
def trained = json.parse(new File(basedir, 'target/deepbuild/iris/metrics.json')).metrics.test
def evaluated = json.parse(new File(basedir, 'target/deepbuild/fork/result.json')).models[0].report.metrics.TEST
assert trained.accuracy == evaluated.ACCURACY
assert trained.loss == evaluated.LOSS
