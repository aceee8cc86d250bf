// DeepBuild's runtime adds this platform's nd4j and OpenBLAS natives, and no other platform's.
// nd4j's natives are the plain build: Maven Central has no -onednn one for this platform.
def tree = new File(basedir, 'tree.txt').text
assert tree.contains('org.nd4j:nd4j-native:jar:macosx-arm64:')
assert !tree.contains(':jar:macosx-arm64-onednn:')
assert tree.contains('org.bytedeco:openblas:jar:macosx-arm64:')
// JavaCPP 1.5.7 has no HDF5 natives for it: its Keras bases are refused with that reason.
assert !tree.contains('org.bytedeco:hdf5:jar:macosx-arm64:')
assert tree.contains('org.bytedeco:hdf5:jar:1.12.1-1.5.7:')
def others = ['linux-x86_64', 'linux-arm64', 'macosx-x86_64', 'macosx-arm64', 'windows-x86_64'] - 'macosx-arm64'
others.each { assert !tree.contains(":jar:$it:") && !tree.contains(":jar:$it-onednn:") : "natives of $it resolved too" }
true  // a post-build script passes when it returns true (or nothing)
