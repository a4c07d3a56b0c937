#!/usr/bin/env bash
# Installs a crate's binaries with `cargo install`, exactly as its lock file pins them when the
# registry still has every pinned version, and otherwise with freshly resolved dependencies.
#
#   scripts/cargo-install.sh CRATE [VERSION]
set -euo pipefail

crate=$1
version=${2:+--version=$2}

# shellcheck disable=SC2086 # $version is one word or none.
if ! cargo install "$crate" $version --locked; then
  echo "cargo-install: the locked build of $crate failed; retrying with current dependencies" >&2
  # shellcheck disable=SC2086
  cargo install "$crate" $version
fi
