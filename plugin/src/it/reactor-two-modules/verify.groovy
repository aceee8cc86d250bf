import java.util.zip.ZipFile

// An execution without a phase binds dl:train to prepare-package: `mvn -T 2 verify` compiles each
// module once, tests it, trains and gates its own model once, and the jar holds that model.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('MultiThreadedBuilder implementation with a thread count of 2')

def modules = [alpha: 'alpha', beta: 'beta', consumer: 'gamma']
modules.each { module, model ->
  assert (log =~ /:compile \(default-compile\) @ ${module} ---/).count == 1
  assert (log =~ /:train \(train\) @ ${module} ---/).count == 1
  def test = log.indexOf(":test (default-test) @ ${module} ---")
  def train = log.indexOf(":train (train) @ ${module} ---")
  def jar = log.indexOf(":jar (default-jar) @ ${module} ---")
  assert 0 <= test && test < train && train < jar : "${module}: test, train and jar out of order"

  // One training per model: the consumer does not train its dependencies' models again.
  assert (log =~ /\] ${model}: training, because no saved model/).count == 1
  assert log =~ /${model}: test accuracy is \d\.\d{3} \(minimum 0\.700\)/
  assert log.contains("${model}: packaged as META-INF/deepbuild/${model}/model.zip")

  def saved = new File(basedir, "${module}/target/deepbuild/${model}/model.zip")
  assert new File(basedir, "${module}/target/deepbuild/${model}/passed.json").isFile()
  new ZipFile(new File(basedir, "${module}/target/${module}-1.0.jar")).withCloseable { archive ->
    def packaged = archive.entries().toList()*.name.findAll { it.endsWith('/model.zip') }
    assert packaged == ["META-INF/deepbuild/${model}/model.zip"]
    def bytes = archive.getInputStream(archive.getEntry(packaged[0])).bytes
    assert bytes == saved.bytes
  }
}
assert !new File(basedir, 'consumer/target/deepbuild/alpha').exists()
assert !new File(basedir, 'consumer/target/deepbuild/beta').exists()

// The consumer's test predicted with both dependencies' generated predictors and packaged models.
def report = new File(basedir, 'consumer/target/surefire-reports/TEST-it.consumer.PackagedModelsTest.xml').text
assert report.contains('tests="1"') && report.contains('failures="0"') && report.contains('errors="0"')
assert log =~ /alpha: predicted 150 rows from META-INF\/deepbuild\/alpha\/model.zip, accuracy/
assert log =~ /beta: predicted 150 rows from META-INF\/deepbuild\/beta\/model.zip, accuracy/
