#!/usr/bin/env bash
# Installs what building the site needs, and nothing that is already there:
# the wasm32 Rust target, wasm-bindgen-cli at the version Cargo.lock pins for the
# wasm-bindgen crate, and the npm packages (wasm-opt from binaryen, Playwright, axe-core,
# Lighthouse).
set -euo pipefail
cd "$(dirname "$0")/.."

target=wasm32-unknown-unknown
if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi

[[ -f Cargo.lock ]] || cargo generate-lockfile
# The CLI must match the wasm-bindgen crate exactly, so its version comes from the lock file.
wanted=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ -z $wanted ]]; then
  echo "install-build-tools: Cargo.lock does not pin wasm-bindgen" >&2
  exit 1
fi
if [[ $(wasm-bindgen --version 2>/dev/null) != "wasm-bindgen $wanted" ]]; then
  scripts/cargo-install.sh wasm-bindgen-cli "$wanted"
fi

# npm leaves node_modules/.package-lock.json behind; while it is newer than the lock file,
# node_modules is what `npm ci` would make. `npm ci` empties the folder a node_modules
# symlink points to (another checkout's, say), so such a link is removed first and this
# checkout gets a folder of its own. No package may fetch a browser of its own: Lighthouse
# drives Debian's Chromium, as Playwright does.
if [[ ! node_modules/.package-lock.json -nt package-lock.json ]]; then
  if [[ -L node_modules ]]; then
    rm node_modules
  fi
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
