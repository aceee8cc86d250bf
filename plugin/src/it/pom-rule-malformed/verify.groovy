// A misspelled metric in a pom rule is a broken build that names the element, the valid values and
// the nearest one, before any JVM is forked.
def log = new File(basedir, 'build.log').text
assert log.contains('<rules><rule> #1: <metric>ACURACY</metric> is not a metric; use one of LOSS, ACCURACY, PRECISION, RECALL, F1, MAE, MSE, RMSE, R2. Did you mean ACCURACY?')
assert log.contains('BUILD FAILURE')
assert log.contains('MojoExecutionException')
assert !(log =~ /iris: epoch 1\//)
assert !new File(basedir, 'target/deepbuild/fork/request.json').exists()
