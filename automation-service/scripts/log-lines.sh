#!/bin/sh
# A task for trying runs and their live log: writes OPSLEDGER_PARAM_LINES lines (default 5) naming
# OPSLEDGER_PARAM_TARGET, a fifth of a second apart, so a follower sees the log grow. Like every
# task script it reads its inputs only from the environment automation-service declares, never
# from arguments built from input. The browser test (e2e DevStackE2EIT) defines a task on it.
set -eu
target="${OPSLEDGER_PARAM_TARGET:?target is required}"
lines="${OPSLEDGER_PARAM_LINES:-5}"
i=1
while [ "$i" -le "$lines" ]; do
    echo "line $i of $lines: $target"
    sleep 0.2
    i=$((i + 1))
done
