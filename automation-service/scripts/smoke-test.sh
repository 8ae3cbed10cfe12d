#!/bin/sh
# The demo smoke test: pretends to probe a deployed version. Like deploy.sh it reads its inputs only
# from the environment automation-service declares (OPSLEDGER_PARAM_*), never from built arguments.
set -eu
application="${OPSLEDGER_PARAM_APPLICATION:?application is required}"
version="${OPSLEDGER_PARAM_VERSION:?version is required}"
echo "smoke test of $application $version"
for probe in health login checkout; do
    sleep 0.3
    echo "probe $probe: ok"
done
