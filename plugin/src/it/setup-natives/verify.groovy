// The graph the simulated platforms' builds will collect offline was resolved here.
assert new File(basedir, 'tree.txt').text.contains('dev.deepbuild:deepbuild-runtime:jar:')
true
