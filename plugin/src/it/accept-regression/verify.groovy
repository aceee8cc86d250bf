// dl:accept records the model's metrics; a threshold's maxRegression then compares each build with
// them, on the saved metrics when the model is up to date, and fails the build on a regression.

// The invoker appends the builds to one build.log; each starts by scanning for projects.
def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./)
assert builds.length == 5 : "expected four builds in build.log, found ${builds.length - 1}"
def (first, second, third, fourth) = [builds[1], builds[2], builds[3], builds[4]]
def file = 'src/deepbuild/accepted-metrics.json'

// Before anything was accepted, the tolerances pass with a warning that names the fix.
assert first =~ /\[WARNING\]   iris: test loss is \d\.\d{3} \(no accepted test loss in src\/deepbuild\/accepted-metrics\.json, so its maxRegression is not checked; run mvn dl:accept to accept the current one\)/
assert first.contains("Accepted the metrics of iris into ${file}")
assert first.contains('BUILD SUCCESS')

// The second build trains nothing and checks the saved metrics against the accepted ones.
assert second.contains('iris: up to date, reusing target/deepbuild/iris/model.zip')
assert second =~ /iris: test accuracy is \d\.\d{3} \(minimum 0\.800, minimum \d\.\d{3}: the accepted \d\.\d{3} less 0\.020\)/
assert second =~ /iris: test loss is \d\.\d{3} \(maximum \d\.\d{3}: the accepted \d\.\d{3} plus 0\.050\)/
assert !second.contains('no accepted')
assert second.contains('BUILD SUCCESS')

// A raised bar in the accepted file fails the third build, still without training.
assert third.contains('iris: up to date, reusing target/deepbuild/iris/model.zip')
assert !third.contains('training, because')
assert third =~ /iris: test loss is \d\.\d{3}, but expected maximum is 0\.050 \(the accepted 0\.000 plus 0\.050\)/
assert third =~ /iris: test accuracy is \d\.\d{3} \(minimum 0\.800, minimum 0\.480: the accepted 0\.500 less 0\.020\)/
assert third.contains('BUILD FAILURE')
assert third.contains('MojoFailureException')

// A model that misses a threshold is not accepted, and the file stays as it was.
assert fourth =~ /iris: cannot accept metrics that miss the model's thresholds \(iris: training loss is \d\.\d{4}, but expected maximum is 0\.0001\)/
assert fourth.contains("Accepted nothing: a model cannot be accepted, and ${file} stays as it was.")
assert fourth.contains('BUILD FAILURE')
def accepted = new File(basedir, file).text
assert accepted == new File(basedir, 'changes/' + file).text

