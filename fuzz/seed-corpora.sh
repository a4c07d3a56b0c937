#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds made from the repository's own files: the
# example schemes, their test cases' answers, the example plans, the caseload fixtures
# and the submissions in fuzz/seeds/. Safe to run again; it only adds files.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=fuzz/corpus
mkdir -p "$corpus"/{load_scheme,load_and_estimate,validate_plan,verify_submission,verify_review,caseload_row,receiver_request,import_directory}

# load_scheme: every scheme file.
for f in www/schemes/*.json tests/fixtures/council/demo-*.json; do
  case "$f" in *.tests.json) continue ;; esac
  cp "$f" "$corpus/load_scheme/$(basename "$f")"
done

# load_and_estimate and verify_submission: each test case's answers; load_and_estimate
# also takes the demonstration scheme, a NUL byte and answers from its caseload.
for f in www/schemes/*.tests.json; do
  name=$(basename "$f" .tests.json)
  n=$(jq '.cases | length' "$f")
  for ((i = 0; i < n; i++)); do
    jq -c ".cases[$i].answers" "$f" >"$corpus/load_and_estimate/$name-$i.json"
    cp "$corpus/load_and_estimate/$name-$i.json" "$corpus/verify_submission/$name-$i.json"
  done
done
n=0
jq -c -R 'fromjson? | .answers' tests/fixtures/council/cases.jsonl | while read -r answers; do
  { cat tests/fixtures/council/demo-1.json; printf '\0%s' "$answers"; } \
    >"$corpus/load_and_estimate/demo-$n.json"
  n=$((n + 1))
done

# validate_plan: the example plans, alone and after a budget and a NUL byte; and
# verify_submission: their answers, a NUL byte and the plan.
for f in www/plans/*.json; do
  case "$f" in *.answers.json) continue ;; esac
  name=$(basename "$f" .json)
  cp "$f" "$corpus/validate_plan/$name.json"
  cp "$f" "$corpus/verify_review/$name.json"
  { printf '12000.00\0'; cat "$f"; } >"$corpus/validate_plan/$name-budget.json"
  { jq -c . "www/plans/$name.answers.json"; printf '\0'; cat "$f"; } \
    >"$corpus/verify_submission/$name.json"
done
cp fuzz/seeds/verify_submission/*.json "$corpus/verify_submission/"

# import_directory: the example feed's pages and the awkward feed.
cp www/directories/northvale/services-page-*.json tests/fixtures/directory/*.json "$corpus/import_directory/"

# caseload_row: the caseload fixtures, and the default scheme's test cases as JSON Lines.
cp tests/fixtures/council/cases.csv tests/fixtures/council/cases.jsonl "$corpus/caseload_row/"
jq -c '.cases | to_entries[] | {id: .key, answers: .value.answers}' \
  www/schemes/northvale-recovery-2026.tests.json >"$corpus/caseload_row/northvale.jsonl"
jq -r '(.cases | map(.answers | keys) | add | unique) as $k
  | (["id"] + $k | @csv),
    (.cases | to_entries[] | [.key | tostring] + [.value.answers[$k[]] | if . == null then "" else tostring end] | @csv)' \
  www/schemes/northvale-recovery-2026.tests.json >"$corpus/caseload_row/northvale.csv"

# receiver_request: each seed submission posted as the app posts it, and the other routes.
for f in fuzz/seeds/verify_submission/*.json; do
  key=$(jq -r .idempotency_key "$f")
  { printf 'POST /submissions\r\ncontent-type: application/json\r\nidempotency-key: %s\r\n\r\n' "$key"; cat "$f"; } \
    >"$corpus/receiver_request/post-$(basename "$f")"
done
printf 'GET /health\r\n\r\n' >"$corpus/receiver_request/health"
printf 'OPTIONS /submissions\r\norigin: http://127.0.0.1:9\r\n\r\n' >"$corpus/receiver_request/options"
