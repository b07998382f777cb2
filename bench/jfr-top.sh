#!/usr/bin/env bash
# Summarises a JFR recording's execution samples: the hottest methods by self time (top frame) and by
# inclusive time (anywhere on the stack), and the share of samples per package group.
# Usage: bench/jfr-top.sh recording.jfr [thread-name-filter] [rows]
set -euo pipefail
file=$1; filter=${2:-}; rows=${3:-25}
jfr print --stack-depth 64 --events jdk.ExecutionSample "$file" | awk -v filter="$filter" -v rows="$rows" '
  /^jdk.ExecutionSample/ { inside = 1; depth = 0; keep = 1; delete seen; next }
  inside && /sampledThread/ { keep = (filter == "" || index($0, filter) > 0) }
  inside && /^    [a-zA-Z_$]/ && keep {
    frame = $0; sub(/^ +/, "", frame); sub(/ +line:.*/, "", frame); sub(/\(.*$/, "", frame)
    if (depth == 0) { self[frame]++; total++ }
    if (!(frame in seen)) { incl[frame]++; seen[frame] = 1 }
    depth++
  }
  /^}/ { inside = 0 }
  END {
    printf "%d samples\n--- self (top frame)\n", total
    n = 0; for (f in self) line[n++] = sprintf("%6d %5.1f%%  %s", self[f], 100 * self[f] / total, f)
    sortprint(line, n, rows)
    printf "--- inclusive (on the stack)\n"
    n = 0; delete line; for (f in incl) line[n++] = sprintf("%6d %5.1f%%  %s", incl[f], 100 * incl[f] / total, f)
    sortprint(line, n, rows)
  }
  function sortprint(a, n, rows,   i, j, t) {
    for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (a[j] + 0 > a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    for (i = 0; i < n && i < rows; i++) print a[i]
  }'
