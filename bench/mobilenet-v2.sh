#!/usr/bin/env bash
# Prints the time to import the pretrained MobileNetV2 (CatalogBases) and its forward time per
# image at 224x224 and 96x96, batches of 1 and 16, with OMP_NUM_THREADS=1 (the runtime's tests
# set it) and the plain linux-x86_64 natives. Usage: bench/mobilenet-v2.sh [-Dmaven.repo.local=...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl runtime test -Dtest=MobileNetV2Benchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" \
  | grep -oE 'MobileNetV2 .*CPU\)'
