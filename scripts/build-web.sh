#!/usr/bin/env bash
# Builds the browser bundle into www/dist: the engine and page compiled to wasm for size,
# the JS glue from wasm-bindgen, then wasm-opt from npm's binaryen (Debian's is too old).
set -euo pipefail
cd "$(dirname "$0")/.."

target=wasm32-unknown-unknown
profile=wasm-release
out=www/dist
target_dir=${CARGO_TARGET_DIR:-target}

cargo build -p waymark-web --target "$target" --profile "$profile"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$target_dir/$target/$profile/waymark_web.wasm"
scripts/wasm-opt.sh "$out/waymark_web_bg.wasm"
