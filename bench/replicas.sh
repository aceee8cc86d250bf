#!/usr/bin/env bash
# Seconds per epoch and test metric of the sample project's IMDB, Reuters and Boston models with one
# model (dl.workers=1) or two ParallelWrapper replicas (dl.workers=2), at OMP_NUM_THREADS 1 and 2,
# interleaved run by run so that a shared machine's load falls on every setting alike. Trains in a
# harness (replicas/ReplicaBench.java) through DeepBuild's own session, not through the sample
# project's build. Run after `mvn -B install -DskipTests` at the root and `mvn -B -pl
# sample-project compile` (which generates the models); Maven arguments go in MVN_ARGS.
# Usage: bench/replicas.sh [runs, default 2] [models, default imdb=4,reuters=9,boston=30]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
models=${2:-imdb=4,reuters=9,boston=30}
cpfile=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$cpfile" "$out"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl runtime dependency:build-classpath -Dmdep.outputFile="$cpfile"
cp="$(cat "$cpfile"):runtime/target/classes:sample-project/target/classes"
for run in $(seq "$runs"); do
  for setting in "1 1" "2 1" "1 2" "2 2"; do
    read -r threads workers <<<"$setting"
    OMP_NUM_THREADS=$threads java -Ddeepbuild.workers="$workers" -cp "$cp" bench/replicas/ReplicaBench.java \
      sample-project/target/classes "$out/$run-$threads-$workers" "$models" | grep '^RESULT' | sed "s/^RESULT/run=$run/"
  done
done
