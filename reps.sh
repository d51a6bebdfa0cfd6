#!/usr/bin/env bash
# Reps developer entry point: `./reps.sh run [ARGS]` or `./reps.sh test`.
# Installs what is missing first, so both work on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/reps-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

setup() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "reps.sh: Rust is not installed; install it with rustup (https://rustup.rs) and retry" >&2
    exit 1
  fi
  # rustfmt and clippy are part of the checks
  for comp in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
      rustup component add "$comp"
    fi
  done
  # C compiler for the bundled SQLite used by the benchmark's comparison
  if ! command -v cc >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq build-essential
  fi
}

case "${1:-}" in
  run)
    shift
    setup
    cargo run --release -q -p reps -- "$@"
    ;;
  test)
    setup
    echo "== format";  cargo fmt --all -- --check
    echo "== lint";    cargo clippy --workspace --all-targets -q -- -D warnings
    echo "== tests";   cargo test --workspace
    echo "== bench smoke (tiny journal, debug build: proves the benchmark runs)"
    REPS_BENCH_QUICK=1 cargo test -q -p reps-core --bench journal
    ;;
  *)
    echo "usage: ./reps.sh run [--demo] [--data-dir PATH] | ./reps.sh test" >&2
    exit 2
    ;;
esac
