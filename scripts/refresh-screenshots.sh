#!/usr/bin/env bash
# Refreshes the README's pictures (media/screenshots/*.png) from the integration suite: the
# tests that take them run in the real VS Code (code-server + headless Chromium, as in
# `npm test`), into a temporary artifacts folder, and the named screenshots are copied over.
# media/screenshots/ is not part of the .vsix (.vscodeignore is an allowlist).
#
# Usage: bash scripts/refresh-screenshots.sh      (about 2 minutes with a warm harness cache)
set -euo pipefail
cd "$(dirname "$0")/.."

# screenshot name (as the test saves it) -> what it shows in README
SHOTS=(
  chat-answer          # an answer: findings with verified anchors, fix links, the usage footer
  problems-panel       # review findings in the Problems panel next to the rules' diagnostics
  design-session-chat  # a design session started from Start Design Session
  walkthrough          # the first-run walkthrough
)
# The tests that take them (mocha --grep on the full titles).
GREP="ends the answer with the model|reviews the selection in chat|Start Design Session: persona pick|opens the walkthrough once"

out="$(mktemp -d "${TMPDIR:-/tmp}/architect-screenshots.XXXXXX")"
trap 'rm -rf "$out"' EXIT

npm run build
npm run compile-tests
suite=0
ARCHITECT_TEST_ARTIFACTS="$out" MOCHA_GREP="$GREP" node out/test/harness/runCodeServer.js || suite=$?

# A test saves its screenshot only after the assertions before it passed, so what was saved is
# kept even when a later step of some test failed; the exit status still reports the failure.
mkdir -p media/screenshots
missing=0
for name in "${SHOTS[@]}"; do
  if [ -f "$out/$name.png" ]; then
    cp "$out/$name.png" "media/screenshots/$name.png"
    echo "refresh-screenshots: media/screenshots/$name.png"
  else
    echo "refresh-screenshots: the suite did not save $name.png (kept the old one)" >&2
    missing=1
  fi
done
[ "$suite" -eq 0 ] && [ "$missing" -eq 0 ]
