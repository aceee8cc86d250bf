// dl:summary prints the network as Keras's model.summary() does, and trains nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('Model: "iris" (it.iris.Iris)')
assert log.contains(' Layer (type)                Output Shape              Param #')
// 4 inputs x 8 units + 8 biases; 8 x 3 + 3.
assert log.contains(' hidden (DenseLayer)         (None, 8)                 40')
assert log.contains(' output (OutputLayer)        (None, 3)                 27')
assert log.contains('Total params: 67')
assert log.contains('Trainable params: 67')
assert log.contains('Non-trainable params: 0')
assert !log.contains('iris: epoch')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/deepbuild/iris').exists()
// The processor's compile-time summary says where the CSV model's input width comes from.
def compiled = new File(basedir, 'target/classes/META-INF/deepbuild/iris/summary.txt').text
assert compiled.startsWith('Model: "iris" (it.iris.Iris)\nThe input width comes from the data')

// The built-in table's shapes are known at compile time: its table is the compiled summary.txt,
// printed without starting a JVM; only the CSV model was summarized by the fork.
def bostonTable = new File(basedir, 'target/classes/META-INF/deepbuild/boston/summary.txt').readLines()
assert bostonTable[0] == 'Model: "boston" (it.boston.Boston)'
assert bostonTable.contains(' hidden (DenseLayer)         (None, 16)                224')
bostonTable.each { line -> assert log.contains('[INFO] ' + line) || line.isEmpty() }
def request = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deepbuild/fork/request.json'))
assert request.models == ['iris']

// The fork's tables are kept: an unchanged build prints them again without starting the JVM, and
// one whose JVM options changed starts it again.
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.length == 4 : "expected three builds in build.log, found ${builds.length - 1}"
def kept = 'Nothing the summaries of iris depend on changed since the last build (summary-log.txt):' +
    ' printed as its JVM printed them, without starting one'
builds[1..3].each { build ->
  assert build.contains(' hidden (DenseLayer)         (None, 8)                 40')
  assert build.contains('Total params: 67')
  assert build.contains('BUILD SUCCESS')
}
assert !builds[1].contains(kept)
assert builds[2].contains(kept)
assert !builds[3].contains(kept)
assert new File(basedir, 'target/deepbuild/fork/java.args').text.contains('-Xmx700m')

// The tables come in the order the fork works on the models, whichever prints them, in each build
// (from the fork or from its kept lines): by name, but appraisal after boston, which it builds on,
// and valuation's compiled table after iris's, which the fork printed.
builds[1..3].each { build ->
  def titles = build.readLines().findAll { it.startsWith('[INFO] Model: "') }
      .collect { it.substring('[INFO] Model: "'.length(), it.indexOf('"', '[INFO] Model: "'.length())) }
  assert titles == ['boston', 'appraisal', 'iris', 'valuation'] : titles
}
def appraisal = new File(basedir, 'target/classes/META-INF/deepbuild/appraisal/base-model.txt').text
assert appraisal == 'boston\n'
assert new File(basedir, 'target/classes/META-INF/deepbuild/boston/base-model.txt').text == ''
