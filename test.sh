#!/usr/bin/env bash
# Runs every test: unit, integration on a real PostgreSQL, and browser journeys in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

ensure_jdk
apt_install chromium chromium-driver
say "Running all tests"
./mvnw -B -ntp verify "$@"
