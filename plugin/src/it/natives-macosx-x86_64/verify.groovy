// DeepBuild's runtime adds this platform's nd4j, OpenBLAS and HDF5 natives, and no other platform's.
// nd4j's natives are the -onednn build, which Maven Central has for this platform.
def tree = new File(basedir, 'tree.txt').text
assert tree.contains('org.nd4j:nd4j-native:jar:macosx-x86_64-onednn:')
assert !tree.contains('org.nd4j:nd4j-native:jar:macosx-x86_64:') : 'the plain nd4j natives resolved beside the -onednn ones'
assert tree.contains('org.bytedeco:openblas:jar:macosx-x86_64:')
assert tree.contains('org.bytedeco:hdf5:jar:macosx-x86_64:')
def others = ['linux-x86_64', 'linux-arm64', 'macosx-x86_64', 'macosx-arm64', 'windows-x86_64'] - 'macosx-x86_64'
others.each { assert !tree.contains(":jar:$it:") && !tree.contains(":jar:$it-onednn:") : "natives of $it resolved too" }
true  // a post-build script passes when it returns true (or nothing)
