// dl:predict prints one line per input, the class and its probability, from the model dl:train
// saved, without training again; a row of the wrong width fails the build naming what it takes.
def log = new File(basedir, 'build.log').text
assert log.count('iris: epoch 30/30') == 1
def predictions = (log =~ /\[INFO\] ([012]) \((\d\.\d{4})\)\r?\n/).collect { it[1] }
assert predictions.size() == 4 : log
// The file's flowers are one of each species, which a trained model tells apart.
assert predictions.subList(1, 4) == ['0', '1', '2']
assert log.contains('iris: the row "1,2" has 2 values, but the model takes 4 feature values or a'
    + ' row of the training table\'s 5 columns, separated by \',\'.')
assert log.count('BUILD SUCCESS') == 3
assert log.count('BUILD FAILURE') == 1
