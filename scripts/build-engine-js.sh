#!/usr/bin/env bash
# Builds the engine on its own as a JavaScript/wasm module with TypeScript definitions,
# into www/dist/engine, for portals that build their own interface.
set -euo pipefail
cd "$(dirname "$0")/.."

target=wasm32-unknown-unknown
profile=engine-release
out=www/dist/engine
target_dir=${CARGO_TARGET_DIR:-target}

cargo build -p waymark-js --target "$target" --profile "$profile"
wasm-bindgen --target web --out-dir "$out" --out-name waymark "$target_dir/$target/$profile/waymark_js.wasm"
scripts/wasm-opt.sh "$out/waymark_bg.wasm"
