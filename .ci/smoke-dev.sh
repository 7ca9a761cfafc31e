#!/usr/bin/env bash
# Runs the README's "run the product" command until it prints its ready block (every app
# answering), shows that block and /health, then stops the whole process group.
set -euo pipefail
dev_cmd=$1
log=$(mktemp)
setsid bash -c "$dev_cmd" >"$log" 2>&1 &
pid=$!
stop() { kill -TERM -- "-$pid" 2>/dev/null || true; sleep 2; kill -KILL -- "-$pid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 360); do
  if grep -q 'Replyline is ready.' "$log"; then
    sed -n '/^=\{72\}$/,/^=\{72\}$/p' "$log"
    echo "GET /health: $(curl -fsS http://localhost:4000/health)"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
echo "The product did not report ready; its log:" >&2
tail -n 80 "$log" >&2
exit 1
