#!/usr/bin/env bash
# Seconds per epoch of the sample project's dense models on their real data (IMDB 16-16-1 and
# Reuters 64-64-46, batch 512; Boston 64-64-1, batch 16; the overfitting study's IMDB models), four
# ways interleaved in one run (bench/dense/DenseBench.java): DeepBuild's training path as the fork
# runs it (ModelTrainer: fit, per-epoch evaluation, checkpoint), its fit step alone, the same
# network written by hand in DL4J, and, where a Python imports torch, the same in PyTorch
# (bench/dense/dense_torch.py; Debian: `apt-get install -y python3-torch`, elsewhere
# `pip install torch`; PYTHON names the interpreter). All on the training split the runtime
# prepared, one thread each; each way's test metric is printed beside its speed.
# Run after `mvn -B install -DskipTests` at the root. Maven arguments (such as
# -Dmaven.repo.local=...) go in MVN_ARGS, JVM options in JAVA_OPTS. Datasets come from DeepBuild's
# cache (~/.deepbuild/datasets), fetched as a build fetches them when missing.
# Debian's python3-torch computes with whatever libblas.so.3 is installed (the reference BLAS is
# several times slower than OpenBLAS; its BLAS is printed): `apt-get install -y libopenblas0`, or
# TORCH_BLAS_DIR=a folder holding OpenBLAS's libblas.so.3 for the PyTorch process only.
# Usage: bench/dense.sh [repetitions, default 3] [epochs per run, default 4; boston trains 10 times
#   as many] [models, default imdb,reuters,boston,imdb-original,imdb-bigger,imdb-l2,imdb-dropout]
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
epochs=${2:-4}
models=${3:-imdb,reuters,boston,imdb-original,imdb-bigger,imdb-l2,imdb-dropout}
[ "$epochs" -ge 2 ] || { echo "epochs must be at least 2: the first epoch of each run is not counted" >&2; exit 1; }
[ -d sample-project/target/classes/dev ] || { echo "no sample-project/target/classes: run mvn -B install -DskipTests first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl sample-project dependency:build-classpath -Dmdep.outputFile="$work/cp"
cp="runtime/target/classes:sample-project/target/classes:$(cat "$work/cp")"
# One thread everywhere: ND4J's OpenMP, and OpenBLAS, which ND4J would otherwise size itself.
export OMP_NUM_THREADS=1 ND4J_SKIP_BLAS_THREADS=1 OPENBLAS_NUM_THREADS=1

# The first Python that has torch: PYTHON if set, else python3 on the PATH, else Debian's.
python=
for candidate in ${PYTHON:-python3 /usr/bin/python3}; do
  if "$candidate" -c 'import torch, numpy' 2>/dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || echo "== PyTorch: skipped (no python3 imports torch and numpy; apt-get install -y python3-torch, or set PYTHON)"

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$cp" bench/dense/DenseBench.java "$reps" "$epochs" "$models" "$work" "$python"
