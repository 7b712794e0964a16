#!/usr/bin/env bash
# The explain tests N times (default 20) beside two CPU burners, as on a busy shared machine; prints
# how many runs passed. Their verdicts rest on what the plans count, so every run should pass.
#
#   bash scripts/explain-stress.sh [N=20] [out=/tmp/explain-stress]
#
# Runs on a snapshot of HEAD (git archive) compiled on its own, so the working tree and out/ can
# keep changing meanwhile; node_modules and dist/pglite (npm run build) are borrowed from this
# checkout. One line per run (result, seconds, load average); each run's log is kept in <out>/.
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
OUT=${2:-/tmp/explain-stress}
[ -f dist/pglite/base-datadir.tgz ] || { echo "run npm run build first (dist/pglite is missing)"; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT/snap/dist"
git archive HEAD | tar -x -C "$OUT/snap" || exit 2
ln -s "$PWD/node_modules" "$OUT/snap/node_modules"
ln -s "$PWD/dist/pglite" "$OUT/snap/dist/pglite"
cd "$OUT/snap" || exit 2
echo "explain stress of $(git -C "$OLDPWD" log --oneline -1 HEAD)" | tee "$OUT/summary"
npx tsc -p tsconfig.test.json >"$OUT/tsc.log" 2>&1 || echo "(tsc reported errors, see $OUT/tsc.log; the emitted tests run anyway)"
FILES=(out/test/unit/sql/explainCli.test.js out/test/unit/sql/planCompare.test.js out/test/unit/sql/planText.test.js out/test/unit/sql/params.test.js out/test/unit/sql/measure.test.js)

node -e 'for(;;){}' &
B1=$!
node -e 'for(;;){}' &
B2=$!
# Only the two burners this script started are stopped, by their ids.
trap 'kill "$B1" "$B2" 2>/dev/null' EXIT
pass=0
for i in $(seq 1 "$N"); do
  t0=$(date +%s)
  npx mocha --no-config --timeout 300000 "${FILES[@]}" >"$OUT/run-$i.log" 2>&1
  rc=$?
  [ $rc -eq 0 ] && pass=$((pass + 1))
  echo "run $i/$N rc=$rc $(($(date +%s) - t0))s load=$(cut -d' ' -f1 /proc/loadavg) $(grep -hoE '[0-9]+ (passing|failing)' "$OUT/run-$i.log" | tr '\n' ' ')" | tee -a "$OUT/summary"
done
echo "$pass of $N runs stable beside two CPU burners" | tee -a "$OUT/summary"
[ "$pass" -eq "$N" ]
