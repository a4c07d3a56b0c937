#!/usr/bin/env bash
# Every figure `make bench` prints, part by part (after make web): the engine's and the
# council tools' speed, the size budgets, a first visit, Lighthouse's mobile run and the
# site's drawing. A part that fails says so and the next still runs; the script exits 1 at
# the end, naming the parts that failed. The size budget being exceeded is a figure, not a
# failure, here.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
part() {
  local name=$1
  shift
  echo
  echo "== $name"
  "$@"
  local status=$?
  if [[ $status -ne 0 ]]; then
    failed+=("$name (exit $status)")
  fi
}

# The size budget exits 1 when a budget is exceeded and 2 when it cannot work the sizes out.
size_budget() {
  node scripts/size-budget.mjs
  local status=$?
  [[ $status -eq 1 ]] && return 0
  return "$status"
}

part "The engine, per estimate (waymark bench)" target/release/waymark bench
part "Councils' tools (scripts/bench-council.sh)" scripts/bench-council.sh
part "Size budgets, from disk (scripts/size-budget.mjs)" size_budget
part "First visit, in Chromium (scripts/first-visit-bench.mjs)" node scripts/first-visit-bench.mjs
part "Lighthouse mobile (scripts/lighthouse-bench.mjs)" node scripts/lighthouse-bench.mjs
part "Drawing, the engine module and Find local support (scripts/browser-bench.mjs)" node scripts/browser-bench.mjs

if [[ ${#failed[@]} -gt 0 ]]; then
  echo
  echo "make bench: these parts failed:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
