#!/usr/bin/env bash
# Prints the README's quick-start commands, one per line, as a newcomer would type them:
#   install   the install half of the first command
#   dev       its second half (runs the product)
#   test      the second command
# Read from the first ```sh block under "## Quick start", trailing comments dropped, so CI runs
# exactly what the README says and a README that drifts from what works fails CI.
set -euo pipefail
readme=${1:-README.md}
block=$(awk '
  /^## Quick start/ { in_section = 1; next }
  in_section && /^## / { exit }
  in_section && /^```sh/ { in_block = 1; next }
  in_block && /^```/ { exit }
  in_block { sub(/[[:space:]]+#.*$/, ""); if ($0 != "") print }
' "$readme")
first=$(sed -n 1p <<<"$block")
second=$(sed -n 2p <<<"$block")
if [[ -z "$first" || -z "$second" || "$first" != *" && "* ]]; then
  echo "README.md: the quick start must be two commands, the first 'install && run'." >&2
  exit 1
fi
printf 'install\t%s\ndev\t%s\ntest\t%s\n' "${first%% && *}" "${first#* && }" "$second"
