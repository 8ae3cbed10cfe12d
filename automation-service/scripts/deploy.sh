#!/bin/sh
# The demo deploy task: records which version it deployed under the stack's data folder and logs
# a few lines over about two seconds. It reads its inputs only from the environment the
# automation-service declares (OPSLEDGER_PARAM_*), never from arguments built from input.
set -eu
version="${OPSLEDGER_PARAM_VERSION:?version is required}"
target="${OPSLEDGER_PARAM_TARGET_DIR:-$HOME}"
echo "deploying version $version"
for step in fetch verify switch; do
    sleep 0.6
    echo "step $step: ok"
done
mkdir -p "$target"
printf '%s\n' "$version" > "$target/deployed-version"
echo "deployed $version to $target/deployed-version"
