#!/usr/bin/env bash
# CityGov event-to-screen benchmark: dossier facts at a sustained rate through the insight ingestion path while
# a signed-in client streams the operations-centre dashboard (/ioc/stream, server-sent events); prints the
# time from each fact's commit to the first push showing it (p50/p95/p99/max) and the rate sustained.
# Runs on its own embedded PostgreSQL (fsync on unless BENCH_FSYNC=off). BENCH_SOURCE=dossiers drives real dossier
# lifecycles through the dossier service instead (BENCH_RATE then counts dossier events, seven per lifecycle).
#
#   BENCH_RATE=1000 BENCH_SECONDS=30 BENCH_WORKERS=4 [BENCH_SOURCE=facts|dossiers] bench/live-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
RATE=${BENCH_RATE:-1000} SECONDS_EACH=${BENCH_SECONDS:-30} WORKERS=${BENCH_WORKERS:-4} FSYNC=${BENCH_FSYNC:-on}
SOURCE=${BENCH_SOURCE:-facts}

ensure_jdk
say "Compiling CityGov and the benchmark"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
mkdir -p bench/out
say "Event-to-screen benchmark, fsync $FSYNC: $RATE $SOURCE events/s for ${SECONDS_EACH}s, $WORKERS workers"
java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dbench.rate="$RATE" -Dbench.seconds="$SECONDS_EACH" -Dbench.workers="$WORKERS" -Dbench.source="$SOURCE" \
  -Dbench.durable=$([ "$FSYNC" = on ] && echo true || echo false) -Dbench.dir=bench/out/live-latency \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" vn.citygov.bench.LiveLatencyBenchmark \
  2>&1 | tee "bench/out/live-latency-$SOURCE-$FSYNC.txt" | grep -v '^\s*at \|WARN\|^$' || true
