#!/usr/bin/env bash
# Shrinks a wasm file in place with wasm-opt from npm's binaryen (Debian's is too old).
# Current rustc emits these features by default for wasm32-unknown-unknown; wasm-opt must be
# told, or it refuses the module.
#
#   scripts/wasm-opt.sh FILE.wasm
set -euo pipefail
cd "$(dirname "$0")/.."

node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory \
  --enable-nontrapping-float-to-int \
  --enable-sign-ext \
  --enable-mutable-globals \
  --enable-reference-types \
  --enable-multivalue \
  "$1" -o "$1"
