#!/usr/bin/env bash
# Shared helpers for run.sh, test.sh and bench/run.sh: find (or install) JDK 25, install Debian packages.

say() { printf '\033[1m[citygov]\033[0m %s\n' "$*"; }

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }

# Selects a JDK 25 or newer: JAVA_HOME if it qualifies, then /usr/lib/jvm, then Debian's openjdk-25.
ensure_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      say "Using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"
      return 0
    fi
  done
  say "No JDK 25 found; installing Debian's openjdk-25-jdk-headless"
  apt_install openjdk-25-jdk-headless || { say "Could not install a JDK 25. Install one and set JAVA_HOME."; exit 1; }
  ensure_jdk
}

# Installs Debian packages that are missing (needs root, as on CI and the project's machines).
apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing ${missing[*]} (Debian packages)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
