#!/usr/bin/env bash
# Swift cannot be compiled here, so check what it would link against: every
# `uniffi_*` / `ffi_*` function the generated Swift header declares must be
# exported by the built library, and the header must compile as C with each
# of them linked from that library (clang's nullability words stubbed out for
# gcc).
#   tests/ffi/swift_header.sh HEADER LIBRARY.so
set -euo pipefail

header=$1 lib=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -oE '\b(uniffi|ffi)_[A-Za-z0-9_]+[[:space:]]*\(' "$header" | tr -d '( \t' | sort -u > "$tmp/declared"
nm -D --defined-only "$lib" | awk '{ print $NF }' | sort -u > "$tmp/exported"
declared=$(wc -l < "$tmp/declared")
if [ "$declared" -lt 10 ]; then
  echo "swift header: only $declared functions found in $header; is it the generated one?" >&2
  exit 1
fi
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
if [ -n "$missing" ]; then
  echo "swift header: declared in $header but not exported by $lib:" >&2
  echo "$missing" >&2
  exit 1
fi

{
  echo '#include "'"$(realpath "$header")"'"'
  echo 'void *const reps_ffi_symbols[] = {'
  sed 's/.*/    (void *)\&&,/' "$tmp/declared"
  echo '};'
  echo 'int main(void) { return reps_ffi_symbols[0] == 0; }'
} > "$tmp/uses.c"
cc -std=c11 -D_Nullable= -D_Nonnull= -Wall -Werror -Wno-pragma-once-outside-header \
  "$tmp/uses.c" -L"$(dirname "$lib")" -l:"$(basename "$lib")" -Wl,-rpath,"$(dirname "$(realpath "$lib")")" -o "$tmp/uses"
"$tmp/uses"
echo "swift header: all $declared declared functions are exported and link"
