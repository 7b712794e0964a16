#!/usr/bin/env bash
# The busy-machine check of docs/testing.md: every real-VS-Code suite (integration, untrusted,
# vendor, installed-.vsix smoke) N times in a row while two CPU-bound processes run alongside,
# on a fresh clone of HEAD so the working tree can keep changing meanwhile.
#
# Usage: bash scripts/busy-machine-check.sh [runs=5] [out=/tmp/architect-busy]
# Prints one line per suite and run (exit code, seconds, load average) and exits non-zero when
# any run failed; each run's log is kept in <out>/. About 4–5 minutes per run on 2 cores.
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=${2:-/tmp/architect-busy}
rm -rf "$OUT" && mkdir -p "$OUT"
CLONE="$OUT/clone"
git clone -q . "$CLONE" && cd "$CLONE" || exit 2
echo "busy-machine check of $(git log --oneline -1)" | tee "$OUT/summary"
npm ci --no-audit --no-fund >"$OUT/npm-ci.log" 2>&1 || { echo "npm ci failed (see $OUT/npm-ci.log)"; exit 2; }
npm run pretest >"$OUT/pretest.log" 2>&1 || { echo "build failed (see $OUT/pretest.log)"; exit 2; }

burners=()
stop_burners() { [ ${#burners[@]} -gt 0 ] && kill "${burners[@]}" 2>/dev/null; burners=(); }
trap stop_burners EXIT

failed=0
for i in $(seq 1 "$RUNS"); do
  node -e 'for(;;){}' & burners+=($!)
  node -e 'for(;;){}' & burners+=($!)
  for suite in test:integration test:untrusted test:vendor test:smoke; do
    t0=$(date +%s)
    npm run "$suite" >"$OUT/run$i-$suite.log" 2>&1
    rc=$?
    [ $rc -eq 0 ] || failed=$((failed + 1))
    echo "run $i $suite rc=$rc $(($(date +%s) - t0))s load=$(cut -d' ' -f1 /proc/loadavg) $(grep -hoE '[0-9]+ passed, [0-9]+ failed' "$OUT/run$i-$suite.log" | tail -1)" | tee -a "$OUT/summary"
  done
  stop_burners
done
echo "failed runs: $failed" | tee -a "$OUT/summary"
[ $failed -eq 0 ]
