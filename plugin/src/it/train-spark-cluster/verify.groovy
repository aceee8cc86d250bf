import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit
import java.util.jar.JarFile

// dl:spark-jar wrote the job jar; dl:train found it up to date, and trained on a real Spark
// standalone cluster (local-cluster: a master, a worker and an executor JVM of their own).
def log = new File(basedir, 'build.log').text
assert log =~ /Spark job jar: \S+train-spark-cluster-1\.0-spark-job\.jar \(\d+\.\d MB, \d+ entries\) from \d+ class-path elements with linux-x86_64 natives, in \d+\.\d s; left out \d+ jars a Spark cluster provides/
assert log =~ /Spark job jar: \S+train-spark-cluster-1\.0-spark-job\.jar is up to date/
assert log.contains('iris: epoch 30/30')
assert log =~ /iris: test accuracy is (0\.\d\d\d|1\.000) \(minimum 0.830\)/
assert log.contains('BUILD SUCCESS')

def app = new File(basedir, 'app')
def metrics = new JsonSlurper().parse(new File(app, 'target/deepbuild/iris/metrics.json'))
assert metrics.history.size() == 30
assert metrics.provenance.backend.contains('; Spark local-cluster[1,1,1024], ParameterAveragingTrainingMaster(')

// The jar holds the project, DeepBuild, DL4J and Linux x86-64 natives, and no Spark or Scala.
def jobJar = new File(app, 'target/train-spark-cluster-1.0-spark-job.jar')
new JarFile(jobJar).withCloseable { jar ->
  assert jar.manifest.mainAttributes.getValue('Main-Class') == 'dev.deepbuild.spark.SparkJob'
  ['it/iris/DeepBuild_Iris.class', 'META-INF/deepbuild/models', 'dev/deepbuild/spark/SparkJob.class',
   'dev/deepbuild/runtime/fork/ForkMain.class',
   'org/deeplearning4j/spark/impl/multilayer/SparkDl4jMultiLayer.class',
   'org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/libnd4jcpu.so',
   'org/bytedeco/openblas/linux-x86_64/libopenblas.so.0'].each {
    assert jar.getEntry(it) != null : it
  }
  ['org/apache/spark/SparkContext.class', 'scala/Option.class', 'org/apache/hadoop/conf/Configuration.class'].each {
    assert jar.getEntry(it) == null : it
  }
  assert jar.getInputStream(jar.getEntry('META-INF/services/dev.deepbuild.runtime.train.TrainingBackend'))
      .text.contains('dev.deepbuild.spark.SparkBackend')
}

// The executor JVM fetched the job jar, loaded it, and ND4J's CPU backend from it.
def executorLogs = new File(basedir, 'spark-home/work').listFiles().collectMany { application ->
  application.listFiles().findAll { it.isDirectory() }.collect { new File(it, 'stderr').text }
}
assert executorLogs.any {
  it.contains('Fetching spark://') && it =~ /Adding file:\S+train-spark-cluster-1\.0-spark-job\.jar to class loader/ &&
      it.contains('Loaded [CpuBackend] backend')
} : 'no executor loaded the job jar'

// spark-submit of the job jar, as bin/spark-submit runs it: Spark's launcher builds the driver's
// command from SPARK_HOME. The model that misses its threshold fails the job.
def home = new File(basedir, 'spark-home')
def environment = [SPARK_HOME: home.path, SPARK_SCALA_VERSION: '2.12', SPARK_LOCAL_IP: '127.0.0.1',
                   OMP_NUM_THREADS: '1', JAVA_HOME: System.getProperty('java.home')]
def java = new File(System.getProperty('java.home'), 'bin/java').path
def launcher = new ProcessBuilder(java, '-cp', new File(home, 'jars').path + '/*',
    'org.apache.spark.launcher.Main', 'org.apache.spark.deploy.SparkSubmit',
    '--master', 'local-cluster[1,1,1024]', '--class', 'dev.deepbuild.spark.SparkJob',
    jobJar.path, 'iris-untrained', '--output', 'target/submit')
launcher.environment().putAll(environment)
def launch = launcher.start()
def command = launch.inputStream.text.split('\u0000').collect { it.trim() }.findAll { it }
assert launch.waitFor() == 0
assert command[-4..-1] == [jobJar.path, 'iris-untrained', '--output', 'target/submit']

def submitLog = new File(basedir, 'submit.log')
def submit = new ProcessBuilder(command).directory(app).redirectErrorStream(true).redirectOutput(submitLog)
submit.environment().putAll(environment)
def job = submit.start()
assert job.waitFor(240, TimeUnit.SECONDS) : 'spark-submit ran longer than 240 s'
def out = submitLog.text
assert job.exitValue() == 1 : "spark-submit exited with ${job.exitValue()}; see ${submitLog}"
assert out.contains('iris-untrained: training, because no saved model')
assert out =~ /iris-untrained: trained in \d+\.\d s/
assert out =~ /ERROR:   iris-untrained: test accuracy is 0\.\d\d\d, but expected minimum is 0\.990/
def submitted = new File(app, 'target/submit')
assert new File(submitted, 'index.html').isFile()
assert new File(submitted, 'fork/result.json').isFile()
def untrained = new JsonSlurper().parse(new File(submitted, 'iris-untrained/metrics.json'))
assert untrained.provenance.backend.contains('; Spark local-cluster[1,1,1024], ')
