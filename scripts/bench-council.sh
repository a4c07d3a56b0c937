#!/usr/bin/env bash
# Cases per second for `waymark batch` and `waymark impact` on 100,000 synthetic cases of the
# default scheme, on one thread and on all cores. Each command prints its own figure.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build -q --release -p waymark
w=target/release/waymark
s=www/schemes/northvale-recovery-2026.json
out=target/bench
mkdir -p "$out"
$w cases "$s" --count 100000 --seed 1 --out "$out/cases.jsonl"
$w batch "$s" "$out/cases.jsonl" --date 2026-06-01 --threads 1 --out "$out/batch.jsonl"
$w batch "$s" "$out/cases.jsonl" --date 2026-06-01 --out "$out/batch.jsonl"
# The default scheme against itself across its 1 October price change.
for threads in 1 "$(nproc)"; do
  $w impact --from "$s" --to "$s" --from-date 2026-09-30 --to-date 2026-10-01 \
    "$out/cases.jsonl" --threads "$threads" --out "$out/impact" >/dev/null
done
