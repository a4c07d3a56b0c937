#!/usr/bin/env bash
# Builds the browser bundle into the site's stage, target/site/dist: the engine and page
# compiled to wasm for size, the JS glue from wasm-bindgen, then wasm-opt from npm's
# binaryen (Debian's is too old). scripts/publish-site.mjs then names both files by their
# content as it publishes them into www/dist.
set -euo pipefail
cd "$(dirname "$0")/.."

target=wasm32-unknown-unknown
profile=wasm-release
out=target/site/dist
target_dir=${CARGO_TARGET_DIR:-target}

cargo build -p waymark-web --target "$target" --profile "$profile"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$target_dir/$target/$profile/waymark_web.wasm"
scripts/wasm-opt.sh "$out/waymark_web_bg.wasm"
