// The graph the simulated platforms' builds will collect offline was resolved here.
def tree = new File(basedir, 'tree.txt').text
assert tree.contains('dev.deepbuild:deepbuild-runtime:jar:')
// On Linux x86-64 itself: the -onednn natives alone, not beside the plain ones nd4j-native names.
if (System.getProperty('os.name') == 'Linux' && System.getProperty('os.arch') == 'amd64') {
  assert tree.contains('org.nd4j:nd4j-native:jar:linux-x86_64-onednn:')
  assert !tree.contains('org.nd4j:nd4j-native:jar:linux-x86_64:') : 'the plain nd4j natives resolved beside the -onednn ones'
}
true
