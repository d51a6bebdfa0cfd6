#!/usr/bin/env bash
# The uniffi surface (crates/reps-ffi) driven for real from foreign languages:
#   - the committed Kotlin/Swift bindings are what the code generates today;
#   - Python: the generated bindings load the built library (test_python.py);
#   - two processes, exactly once: widget processes write through the Python
#     binding while a helper process holds the journal and is killed (test_inbox.py);
#   - Kotlin on the JVM (JNA): generated bindings + Main.kt compiled and run;
#   - Swift: every function the generated header declares is exported and links.
# Installs what is missing first (Debian: a JDK and JNA; npm: the Kotlin compiler),
# builds the library, the generator and the test helper once, and ends with
#   ffi: N passed, M failed
# Exit status: non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/reps-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
JNA=/usr/share/java/jna.jar
KOTLINC=tests/ffi/node_modules/kotlin-compiler/bin/kotlinc
LIB="$CARGO_TARGET_DIR/debug/libreps_ffi.so"
HELPER="$CARGO_TARGET_DIR/debug/examples/ffi_helper"

passed=0
failed=0
pass() { passed=$((passed + $1)); }
fail() { failed=$((failed + $1)); }

# count OUTPUT NAME STATUS: adds the "NAME: X passed, Y failed" line of
# OUTPUT; a failing STATUS with no failure counted is one failure.
count() {
  local totals
  totals=$(echo "$1" | sed -n "s/^$2: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p" | tail -n 1)
  if [ -z "$totals" ]; then
    fail 1
    return
  fi
  pass "${totals% *}"
  fail "${totals#* }"
  [ "$3" -ne 0 ] && [ "${totals#* }" = "0" ] && fail 1
  return 0
}

# Runs one unittest module verbosely and ends with "python: X passed, Y failed".
UNITTEST='
import sys, unittest
r = unittest.main(module=sys.argv[1], argv=["ffi", "-v"], exit=False).result
bad = len(r.failures) + len(r.errors) + len(r.unexpectedSuccesses)
print(f"python: {r.testsRun - bad - len(r.skipped)} passed, {bad} failed")
sys.exit(1 if bad else 0)
'

setup() {
  local need=()
  command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
  [ -e "$JNA" ] || need+=(libjna-java)
  command -v cc >/dev/null 2>&1 || need+=(build-essential)
  command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  if [ ${#need[@]} -gt 0 ]; then
    echo "ffi: installing ${need[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
  fi
  if [ ! -x "$KOTLINC" ] || [ tests/ffi/package-lock.json -nt tests/ffi/node_modules ]; then
    echo "ffi: installing the Kotlin compiler (npm kotlin-compiler)"
    npm ci --prefix tests/ffi --no-audit --no-fund --loglevel=error
  fi
}

setup || { echo "ffi: could not install the test tools" >&2; exit 1; }
echo "== ffi: build (library, generator, test helper)"
cargo build -q -p reps-ffi --example ffi_helper || { echo "ffi: 0 passed, 1 failed"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== ffi: committed bindings up to date"
if crates/reps-ffi/bindings.sh --check; then pass 1; else fail 1; fi

echo "== ffi: Python"
py="$work/python"
if crates/reps-ffi/bindings.sh --out "$py" python && cp "$LIB" "$py/"; then
  for suite in test_python test_inbox; do
    out=$(cd tests/ffi && REPS_FFI_PY="$py" REPS_FFI_HELPER="$HELPER" python3 -c "$UNITTEST" "$suite" 2>&1)
    status=$?
    echo "$out"
    count "$out" python "$status"
  done
else
  fail 1
fi

echo "== ffi: Kotlin on the JVM"
kt="$work/kotlin"
if crates/reps-ffi/bindings.sh --out "$kt" kotlin --config tests/ffi/uniffi-jvm.toml &&
  mkdir -p "$kt/seed" "$kt/newer" "$kt/scratch" &&
  "$HELPER" seed "$kt/seed" && "$HELPER" newer "$kt/newer" &&
  "$KOTLINC" -nowarn "$kt/uniffi/reps_ffi/reps_ffi.kt" tests/ffi/Main.kt \
    -cp "$JNA" -include-runtime -d "$kt/app.jar"; then
  out=$(java -Djna.library.path="$(dirname "$LIB")" -cp "$kt/app.jar:$JNA" MainKt \
    "$kt/seed" "$kt/newer" "$kt/scratch" 2>&1)
  status=$?
  echo "$out"
  count "$out" kotlin "$status"
else
  fail 1
fi

echo "== ffi: Swift header against the library"
if tests/ffi/swift_header.sh platforms/ios/Generated/reps_ffiFFI.h "$LIB"; then pass 1; else fail 1; fi

echo "ffi: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
