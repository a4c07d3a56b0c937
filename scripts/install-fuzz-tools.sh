#!/usr/bin/env bash
# Installs cargo-fuzz, and jq for seeding the corpora, unless they are there. Fuzzing runs
# on the stable toolchain with RUSTC_BOOTSTRAP=1, since no nightly toolchain can be fetched.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v jq >/dev/null 2>&1; then
  sudo=""
  if [[ $(id -u) != 0 ]]; then
    sudo=sudo
  fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends jq
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  scripts/cargo-install.sh cargo-fuzz
fi
