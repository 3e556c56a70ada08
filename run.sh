#!/usr/bin/env bash
# Runs CityGov with demo data at http://localhost:${PORT:-8080}.
# Without CITYGOV_DB_URL it starts its own PostgreSQL (data under ./var); Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

ensure_jdk
jar=target/citygov.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  say "Building CityGov (first run downloads dependencies from Maven Central)"
  ./mvnw -q -B -DskipTests package
else
  say "Build is up to date"
fi

export CITYGOV_DEMO="${CITYGOV_DEMO:-true}"
if [ -n "${CITYGOV_DB_URL:-}" ]; then
  say "Using the external PostgreSQL at $CITYGOV_DB_URL"
else
  say "Starting the embedded PostgreSQL (data in ${CITYGOV_DATA_DIR:-var}/pgdata)"
fi
say "CityGov will be ready at http://localhost:${PORT:-8080} — demo accounts admin, canbo, congdan (password citygov-demo)"
exec java ${CITYGOV_JAVA_OPTS:--Xmx2g} -jar "$jar"
