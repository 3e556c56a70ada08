#!/usr/bin/env bash
# CityGov benchmarks: each scenario runs an HTTP load (wrk) against the API and the matching raw SQL
# load (pgbench) against the same PostgreSQL, in the same run, and reports both and their ratio.
#
#   bench/run.sh [--size small|medium|large] [--duration SECONDS] [--warmup SECONDS] [--connections N] [--threads N]
#                [--scenario NAME] [--dossiers N] [--reports N]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

SIZE=small DURATION=20 CONNECTIONS=16 THREADS=2 SCENARIO='*'
WARMUP=15
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --scenario) SCENARIO="$2"; shift 2 ;;
    --dossiers) export BENCH_DOSSIERS="$2"; shift 2 ;;
    --reports) export BENCH_REPORTS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ensure_jdk
apt_install wrk curl
command -v pgbench >/dev/null || apt_install postgresql-client
[ -x "$(command -v pgbench)" ] && pgbench --version >/dev/null 2>&1 || apt_install postgresql

OUT=bench/out
APP_PORT=${BENCH_APP_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-55432}
# Another run on this machine may hold the ports: measuring it (or writing into its database) would be wrong.
for port in "$APP_PORT" "$DB_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use: set BENCH_APP_PORT / BENCH_DB_PORT to free ones" >&2
    exit 1
  fi
done
rm -rf "$OUT/var"
mkdir -p "$OUT"

[ -f target/citygov.jar ] && [ -z "$(find pom.xml src -newer target/citygov.jar -print -quit)" ] \
  || { say "Building CityGov"; ./mvnw -q -B -DskipTests package; }

say "Starting CityGov with $SIZE demo data (embedded PostgreSQL on port $DB_PORT, settings: fsync on)"
PORT=$APP_PORT CITYGOV_DATA_DIR="$OUT/var" CITYGOV_EMBEDDED_DB_PORT=$DB_PORT CITYGOV_DEMO=true \
  CITYGOV_FEEDBACK_RATE_LIMIT_PER_API_KEY=0 CITYGOV_DEMO_SIZE=$SIZE java -Xmx2g ${BENCH_JAVA_OPTS:-} -jar target/citygov.jar > "$OUT/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$APP_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $APP_PID 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
  sleep 0.5
done
kill -0 $APP_PID 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
# Demo data loads after start-up; wait until the demo accounts exist.
for _ in $(seq 1 600); do
  TOKEN=$(curl -fs -X POST "http://127.0.0.1:$APP_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"citygov-demo"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p') || true
  [ -n "${TOKEN:-}" ] && break
  sleep 1
done
[ -n "${TOKEN:-}" ] || { echo "could not log in"; exit 1; }

export PGHOST=127.0.0.1 PGPORT=$DB_PORT PGUSER=postgres PGDATABASE=postgres
RESULTS="$OUT/results.tsv"
: > "$RESULTS"

# run_scenario NAME WRK_LUA PGBENCH_SQL
run_scenario() {
  local name="$1" lua="$2" sql="$3"
  say "Scenario $name: warming up the JVM (${WARMUP}s, not counted)"
  TOKEN="$TOKEN" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$lua" "http://127.0.0.1:$APP_PORT" > /dev/null
  say "Scenario $name: HTTP ($CONNECTIONS connections, ${DURATION}s)"
  TOKEN="$TOKEN" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$lua" "http://127.0.0.1:$APP_PORT" \
    > "$OUT/$name-wrk.txt"
  say "Scenario $name: SQL ($CONNECTIONS connections, ${DURATION}s)"
  rm -f "$OUT/$name-pglog".*
  pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -l --log-prefix="$OUT/$name-pglog" -f "$sql" \
    > "$OUT/$name-pgbench.txt" 2>&1
  local http_rps http_p50 http_p95 http_p99 http_errors sql_tps sql_lat sql_p50 sql_p95 sql_p99
  # percentiles of the SQL side from pgbench's per-transaction log (third column: latency in microseconds)
  read -r sql_p50 sql_p95 sql_p99 < <(cat "$OUT/$name-pglog".* 2>/dev/null | awk '{print $3 / 1000}' | sort -n | awk '
    { v[NR] = $1 }
    END { if (NR == 0) { print "0 0 0"; exit }
          n = split("50 95 99", p, " ")
          for (i = 1; i <= n; i++) { k = int(NR * p[i] / 100 + 0.999); out = out sep sprintf("%.3f", v[k]); sep = " " }
          print out }')
  rm -f "$OUT/$name-pglog".*
  http_rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/$name-wrk.txt")
  http_p50=$(awk '/^CITYGOV_P50/ {print $2}' "$OUT/$name-wrk.txt")
  http_p95=$(awk '/^CITYGOV_P95/ {print $2}' "$OUT/$name-wrk.txt")
  http_p99=$(awk '/^CITYGOV_P99/ {print $2}' "$OUT/$name-wrk.txt")
  http_errors=$(awk '/^CITYGOV_ERRORS/ {print $2}' "$OUT/$name-wrk.txt")
  sql_tps=$(awk '/^tps = / {print $3}' "$OUT/$name-pgbench.txt")
  sql_lat=$(awk '/^latency average/ {print $4}' "$OUT/$name-pgbench.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$http_rps" "$http_p50" "$http_p95" "$http_p99" "$http_errors" \
    "$sql_tps" "$sql_lat" "$sql_p50" "$sql_p95" "$sql_p99" >> "$RESULTS"
}

for scenario in bench/scenarios/$SCENARIO.sh; do
  source "$scenario"
done

say "Results (size $SIZE, $CONNECTIONS connections, ${DURATION}s each; app and database share this machine)"
{
  printf '| scenario | HTTP req/s | HTTP p50 ms | HTTP p95 ms | HTTP p99 ms | HTTP non-2xx | SQL tps | SQL avg ms | SQL p50 ms | SQL p95 ms | SQL p99 ms | HTTP/SQL throughput | SQL/HTTP p50 | SQL/HTTP p99 |\n'
  printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  # the last three columns: how many times more the HTTP side serves, and how many times faster it answers
  awk -F'\t' '{ ratio = ($7 > 0) ? $2 / $7 : 0; r50 = ($3 > 0) ? $9 / $3 : 0; r99 = ($5 > 0) ? $11 / $5 : 0
    printf "| %s | %.0f | %.2f | %.2f | %.2f | %s | %.0f | %.3f | %.2f | %.2f | %.2f | %.3f | %.1f | %.1f |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ratio, r50, r99 }' "$RESULTS"
} | tee "$OUT/results.md"
