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
  # System packages: a C compiler (bundled SQLite in the benchmark), the
  # WebKitGTK stack the desktop window is built on, and what the end-to-end
  # tests drive it with (a virtual screen, synthetic input, screenshots).
  local need=()
  command -v cc >/dev/null 2>&1 || need+=(build-essential)
  command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
  pkg-config --exists webkit2gtk-4.1 2>/dev/null || need+=(libwebkit2gtk-4.1-dev)
  pkg-config --exists gtk+-3.0 2>/dev/null || need+=(libgtk-3-dev)
  pkg-config --exists libsoup-3.0 2>/dev/null || need+=(libsoup-3.0-dev)
  [ -e /usr/include/xdo.h ] || need+=(libxdo-dev)
  command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
  command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
  { command -v import >/dev/null 2>&1 && import -version 2>/dev/null | grep -q ImageMagick; } || need+=(imagemagick)
  if [ ${#need[@]} -gt 0 ]; then
    echo "reps.sh: installing ${need[*]}"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

case "${1:-}" in
  run)
    shift
    setup
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "reps.sh: no display here, so printing the journal instead of opening the window" >&2
      set -- --summary "$@"
    fi
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
