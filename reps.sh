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
    echo "== bench smoke (tiny journal, debug build: proves the benchmark runs)"
    REPS_BENCH_QUICK=1 cargo test -q -p reps-core --bench journal > /dev/null
    echo "== tests"
    log=$(mktemp)
    set +e
    cargo test --workspace 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    # one closing line for the whole run
    awk '/^test result:/ { for (i = 1; i <= NF; i++) {
           if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
         END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
    rm -f "$log"
    exit "$status"
    ;;
  *)
    echo "usage: ./reps.sh run [--demo] [--data-dir PATH] | ./reps.sh test" >&2
    exit 2
    ;;
esac
