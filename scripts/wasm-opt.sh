#!/usr/bin/env bash
# Shrinks a wasm file in place with wasm-opt from npm's binaryen (Debian's is too old).
# Current rustc emits these features by default for wasm32-unknown-unknown; wasm-opt must be
# told, or it refuses the module.
#
# wasm-opt inlines every function that has one caller, however large, by default; that
# merges whole pages into a few functions of up to 118 KB, which compress worse and which V8
# must compile whole on the main thread the first time any part of them runs. Inlining only
# the smallest (`--one-caller-inline-max-function-size 10`) makes the page's wasm 37 KB
# smaller in Brotli and the engine module's 33 KB smaller gzipped (ARCHITECTURE.md,
# "The page's weight").
#
#   scripts/wasm-opt.sh FILE.wasm
set -euo pipefail
cd "$(dirname "$0")/.."

node_modules/.bin/wasm-opt -Oz \
  --one-caller-inline-max-function-size 10 \
  --enable-bulk-memory \
  --enable-nontrapping-float-to-int \
  --enable-sign-ext \
  --enable-mutable-globals \
  --enable-reference-types \
  --enable-multivalue \
  "$1" -o "$1"
