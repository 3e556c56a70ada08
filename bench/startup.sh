#!/usr/bin/env bash
# Measures the time from ./run.sh to a ready CityGov with demo data (readiness UP and the demo
# administrator able to log in), in a fresh clone of this repository.
#   bench/startup.sh          warm: Maven's local repository as it is, run twice (fresh data, then existing data)
#   bench/startup.sh --fresh  fresh: also an empty Maven repository and wrapper home, as on a new machine
set -euo pipefail
cd "$(dirname "$0")/.."
FRESH=false
[ "${1:-}" = "--fresh" ] && FRESH=true
work=$(mktemp -d)
git clone -q . "$work/citygov"
port=18090
if $FRESH; then
  export MAVEN_USER_HOME="$work/m2" MAVEN_OPTS="-Dmaven.repo.local=$work/m2/repository"
fi

measure() {
  local label="$1" start end
  start=$(date +%s.%N)
  (cd "$work/citygov" && PORT=$port ./run.sh > "$work/run-$label.log" 2>&1) &
  local pid=$!
  until curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
      -d '{"username":"admin","password":"citygov-demo"}' >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { tail -30 "$work/run-$label.log"; exit 1; }
    sleep 0.2
  done
  end=$(date +%s.%N)
  printf '| %s | %.1f s |\n' "$label" "$(echo "$end - $start" | bc)"
  # A background job ignores SIGINT, so stop it the way a service manager would.
  pkill -TERM -P $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
}

echo "| run.sh start | time to ready |"
echo "|---|---:|"
if $FRESH; then
  measure "fresh machine (empty Maven cache, build, new database, demo data)"
else
  measure "warm, first run (build, new database, demo data)"
fi
measure "warm, next run (built, existing database)"
rm -rf "$work"
