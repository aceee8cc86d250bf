// A missing data file is a broken build (an error, not a threshold failure) that names the file,
// and no model is left behind.
def log = new File(basedir, 'build.log').text
assert log.contains('data/flowers.csv') || log.contains('data' + File.separator + 'flowers.csv')
assert log.contains('BUILD FAILURE')
assert log.contains('MojoExecutionException')
assert !log.contains('but expected minimum')
assert !new File(basedir, 'target/deepbuild/iris/model.zip').exists()
