#!/usr/bin/env bash
# Prints the gzipped size in bytes of each file a first visit loads, then their total:
# the page, its styles and icon, the JS glue, the wasm, config.json and the default
# scheme with its tests file.
set -euo pipefail
cd "$(dirname "$0")/../www"

default_files=$(python3 -c '
import json
config = json.load(open("config.json"))
entry = config["schemes"][config["default"]]
print(entry["path"])
print(entry["tests"])
')
total=0
while read -r file; do
  size=$(gzip -9nc "$file" | wc -c)
  total=$((total + size))
  printf '%10d  %s\n' "$size" "www/$file"
done < <(printf '%s\n' index.html main.js styles.css favicon.svg dist/waymark_web.js \
  dist/waymark_web_bg.wasm config.json "$default_files")
printf '%10d  %s\n' "$total" "first load, gzipped"
