#!/bin/sh
# A deploy task that returns at once: the benchmark's P6 (SagaOverhead) deploys with it, so the
# promotion's time is the saga's own. Like the other scripts it reads its inputs only from the
# environment automation-service declares (OPSLEDGER_PARAM_*), never from arguments built from input.
set -eu
echo "deployed ${OPSLEDGER_PARAM_VERSION:?version is required}"
