#!/usr/bin/env bash
# The sample IMDB (or Reuters) model through the runtime's data path with its first layer dense
# on multi-hot rows and sparse (MultiHotDense on word indices), interleaved, one JVM per run, 1
# OpenMP thread: time to the first minibatch, fit step per epoch, a pass over the training split,
# test accuracy and peak RSS (bench/sparse/MultiHotBench.java). Run after
# `mvn -B install -DskipTests` at the root; Maven arguments go in MVN_ARGS. The datasets come
# from DeepBuild's cache (~/.deepbuild/datasets), fetched there by a build if absent.
# Usage: bench/multi-hot.sh [dataset imdb|reuters, default imdb] [seeds, default "42 7"] [epochs, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:-imdb}
seeds=${2:-42 7}
epochs=${3:-4}
cpfile=$(mktemp)
prepared=$(mktemp -d)
trap 'rm -rf "$cpfile" "$prepared"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl runtime dependency:build-classpath -Dmdep.outputFile="$cpfile"
cp="$(cat "$cpfile"):runtime/target/classes"
export OMP_NUM_THREADS=1
for seed in $seeds; do
  for mode in dense sparse; do
    java -Xmx3g -Ddeepbuild.prepared.cache="$prepared" -cp "$cp" bench/sparse/MultiHotBench.java \
      "$mode" "$dataset" "$seed" "$epochs" 2>&1 | grep -E "^$dataset "
  done
done
