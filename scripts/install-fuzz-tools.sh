#!/usr/bin/env bash
# Installs cargo-fuzz unless it is there. Fuzzing runs on the stable toolchain with
# RUSTC_BOOTSTRAP=1, since no nightly toolchain can be fetched.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo fuzz --version >/dev/null 2>&1; then
  scripts/cargo-install.sh cargo-fuzz
fi
