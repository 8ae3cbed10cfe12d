#!/bin/sh
# A deploy task that holds for a bounded time, so a test can stop automation-service while a run
# is really running (CrashE2EIT). Its inputs come only from the environment automation-service
# declares (OPSLEDGER_PARAM_*): the task types hold_seconds as an INTEGER between 1 and 600, and
# the script checks the same bound again before it sleeps; nothing is ever evaluated as shell.
set -eu
version="${OPSLEDGER_PARAM_VERSION:?version is required}"
hold="${OPSLEDGER_PARAM_HOLD_SECONDS:?hold_seconds is required}"
case "$hold" in
    ''|*[!0-9]*) echo "hold_seconds is not a whole number" >&2; exit 2 ;;
esac
if [ "$hold" -lt 1 ] || [ "$hold" -gt 600 ]; then
    echo "hold_seconds must be between 1 and 600" >&2
    exit 2
fi
echo "deploying version $version, holding for $hold s"
sleep "$hold"
echo "deployed $version"
