#!/usr/bin/env bash
# Measures how the training JVM's OMP_NUM_THREADS (the plugin's dl.ompThreads) changes training
# time, on the sample project's models. Run after `mvn -B install -DskipTests` at the root.
# Usage: bench/omp-threads.sh [runs per setting, default 3] [models, default all]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
models=${2:-}

for threads in 1 2; do
  for run in $(seq "$runs"); do
    # -Ddl.force: the thread count does not make a saved model stale, so force training.
    log=$(mvn -B -pl sample-project dl:train -Ddl.force -Ddl.ompThreads="$threads" ${models:+-Ddl.models=$models} 2>&1) || true
    echo "$log" | grep -E '^\[INFO\] [a-z0-9._-]+: trained in' | sed "s/^\[INFO\] /threads=$threads run=$run  /"
  done
done
