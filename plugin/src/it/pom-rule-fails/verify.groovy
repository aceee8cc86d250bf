// Pom rules replace a class's threshold and add others; a missed one fails the build as a
// threshold failure, worded as JaCoCo words a missed coverage rule.
def log = new File(basedir, 'build.log').text
assert log.contains('iris: <rules><rule> #1 (iris: ACCURACY on TEST) replaces @Threshold(metric = ACCURACY, on = TEST, min = 0.8)')
assert log.contains('iris: <rules><rule> #2 (*: LOSS on TEST) adds a threshold on test loss')
assert log =~ /iris: test accuracy is \d\.\d{3} \(minimum 0\.500\)/
assert !log.contains('minimum 0.800')
assert log =~ /iris: test loss is \d\.\d{3}, but expected maximum is 0\.010/
assert log.contains('BUILD FAILURE')
assert log.contains('MojoFailureException')
