#!/usr/bin/env bash
# Flowable 7.2.0 reference for the lifecycle benchmark: full dossier lifecycles per second driven by the workflow
# engine (history "audit") on its own embedded PostgreSQL 17 with CityGov's embedded settings, so that CityGov's
# figure can be read as a ratio to it (bench/lifecycle.sh --reference). The project is in bench/flowable/.
#
#   bench/flowable.sh [--dossiers N] [--workers N] [--seconds N] [--fsync on|off|both]
#
# --dossiers pre-loads N finished lifecycles first (default none).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

DOSSIERS=0 WORKERS=4 SECONDS_EACH=20 FSYNC=both
while [ $# -gt 0 ]; do
  case "$1" in
    --dossiers) DOSSIERS="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --fsync) FSYNC="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ensure_jdk
say "Building the Flowable reference"
./mvnw -q -B -f bench/flowable/pom.xml package
CP="bench/flowable/target/classes:$(cat bench/flowable/target/classpath)"
mkdir -p bench/out

case "$FSYNC" in both) MODES="off on" ;; *) MODES="$FSYNC" ;; esac
for mode in $MODES; do
  durable=false; [ "$mode" = on ] && durable=true
  say "Flowable reference with fsync $mode: $WORKERS workers, 10s warm-up, ${SECONDS_EACH}s measured"
  java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dbench.dossiers="$DOSSIERS" -Dbench.workers="$WORKERS" -Dbench.seconds="$SECONDS_EACH" \
    -Dbench.durable=$durable -Dbench.dir="bench/out/flowable-$mode" -cp "$CP" vn.citygov.bench.FlowableReference \
    2>&1 | tee "bench/out/flowable-$mode.txt"
done
