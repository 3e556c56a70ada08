#!/usr/bin/env bash
# CityGov lifecycle benchmark: full dossier lifecycles per second through the service layer (history, audit,
# events on) over a table already holding many dossiers, against the bare SQL statements of a lifecycle in
# the same run, then the work queue's p50/p95 at that size. Runs on its own embedded PostgreSQL.
#
#   bench/lifecycle.sh [--dossiers N] [--workers N] [--seconds N] [--fsync on|off|both] [--statements] [--reference]
#
# --statements also prints the SQL statements a lifecycle runs (pg_stat_statements): calls and time per lifecycle.
# --reference first runs the Flowable 7.2 reference (bench/flowable.sh) with the same settings, then prints
#   the service-layer rate as a ratio to it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

DOSSIERS=1000000 WORKERS=4 SECONDS_EACH=20 FSYNC=both STATEMENTS=false REFERENCE=false
while [ $# -gt 0 ]; do
  case "$1" in
    --dossiers) DOSSIERS="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --fsync) FSYNC="$2"; shift 2 ;;
    --statements) STATEMENTS=true; shift ;;
    --reference) REFERENCE=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ensure_jdk
say "Compiling CityGov and the benchmark"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
mkdir -p bench/out

case "$FSYNC" in both) MODES="off on" ;; *) MODES="$FSYNC" ;; esac
for mode in $MODES; do
  durable=false; [ "$mode" = on ] && durable=true
  if $REFERENCE; then
    rm -f "bench/out/flowable-$mode.txt" # a failed run must not leave the ratio to an older figure
    bench/flowable.sh --workers "$WORKERS" --seconds "$SECONDS_EACH" --fsync "$mode" || say "Flowable reference failed"
  fi
  say "Lifecycle benchmark with fsync $mode: $DOSSIERS dossiers, $WORKERS workers, ${SECONDS_EACH}s per measure"
  java -Xmx3g ${BENCH_JAVA_OPTS:-} -Dbench.dossiers="$DOSSIERS" -Dbench.workers="$WORKERS" -Dbench.seconds="$SECONDS_EACH" \
    -Dbench.durable=$durable -Dbench.statements=$STATEMENTS -Dbench.dir="bench/out/lifecycle-$mode" -cp "$CP" vn.citygov.bench.LifecycleBenchmark \
    2>&1 | tee "bench/out/lifecycle-$mode.txt" | grep -v '^\s*at \|WARN\|^$' || true
  if $REFERENCE; then
    # | service-layer lifecycles/s | 60.3 |  and  Flowable 7.2.0 reference: ... = 66.0/s (fsync off, ...)
    service=$(awk -F'|' '/^\| service-layer lifecycles\/s \|/ {gsub(/ /, "", $3); print $3}' "bench/out/lifecycle-$mode.txt" 2>/dev/null || true)
    flowable=$(sed -n 's/^Flowable .* reference: .* = \([0-9.]*\)\/s .*/\1/p' "bench/out/flowable-$mode.txt" 2>/dev/null || true)
    if [ -n "$service" ] && [ -n "$flowable" ]; then
      awk -v s="$service" -v f="$flowable" -v m="$mode" \
        'BEGIN { printf "service layer / Flowable 7.2 reference: %.2f (%s/s against %s/s, fsync %s)\n", s / f, s, f, m }'
    else
      say "No ratio to Flowable for fsync $mode: a rate is missing"
    fi
  fi
done
