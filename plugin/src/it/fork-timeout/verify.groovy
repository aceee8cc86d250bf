// A fork that runs past forkedProcessTimeoutInSeconds is killed and the build breaks, naming the
// model it was training and the fork's command line; the model that finished before keeps its
// results, its reports and its JUnit test case.
def log = new File(basedir, 'build.log').text
def argumentFile = new File(basedir, 'target/deepbuild/fork/java.args')
assert log.contains('iris-endless: the training JVM ran longer than its timeout of 45 s'
    + ' (forkedProcessTimeoutInSeconds) and was stopped. Its command line was: ')
assert log.contains('@' + argumentFile.path)
assert log.contains('BUILD FAILURE')
assert log.contains('MojoExecutionException')
assert log.contains('iris-endless: epoch ')
// Each model that trains has a JVM of its own; the timeout is each JVM's.
assert log.contains('A new training JVM for iris-endless (one JVM per model trained)')
assert log =~ /iris: test accuracy is (0\.[89]\d\d|1\.000) \(minimum 0\.800\)/

// The killed fork is gone.
assert !ProcessHandle.allProcesses().anyMatch { it.info().commandLine().orElse('').contains(argumentFile.path) }

// A quoted jvmArgs entry stays one argument.
assert argumentFile.readLines().contains('"-Dit.label=two words"')

def root = new File(basedir, 'target/deepbuild')
assert new File(root, 'iris/model.zip').isFile()
assert !new File(root, 'iris-endless/model.zip').exists()
assert new File(root, 'index.html').text.contains('<a href="iris/report.html">iris</a>')
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(root, 'junit/TEST-deepbuild.xml')).documentElement
assert suite.getAttribute('tests') == '2'
assert suite.getAttribute('failures') == '0'
assert suite.getAttribute('errors') == '1'
