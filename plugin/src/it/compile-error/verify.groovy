// dl:train compiles first; the processor rejects the model at compile time, on the annotations at
// fault, reporting every error, and nothing is trained.
def log = new File(basedir, 'build.log').text
assert log =~ /Iris\.java:\[\d+,\d+\] \[DeepBuild\] @Dense\(units = 0\) on field 'hidden': units must be positive\. Received: units=0\./
assert log =~ /Iris\.java:\[\d+,\d+\] \[DeepBuild\] .*accuracy is at most 1/
assert log.contains('COMPILATION ERROR')
assert !new File(basedir, 'target/deepbuild').exists()
assert !new File(basedir, 'target/classes/it/iris/DeepBuild_Iris.class').exists()
