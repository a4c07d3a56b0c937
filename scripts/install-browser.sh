#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests, unless they are there.
# Nothing downloads a browser of its own: Playwright and wasm-bindgen-test-runner both use these.
# Liberation Sans has Arial's metrics, so screenshots match what people with Arial see.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
sudo=""
if [[ $(id -u) != 0 ]]; then
  sudo=sudo
fi
$sudo apt-get update
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation
