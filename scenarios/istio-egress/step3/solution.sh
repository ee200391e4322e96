#!/usr/bin/env bash
# Step 3 solution: register the external host.
# shellcheck source=/dev/null
[ -f "${KATARUN_SHELL_ENV:-}" ] && . "$KATARUN_SHELL_ENV"   # GATEWAY_URL and the pinned istioctl, as in the terminals
set -euo pipefail
assets=${KATARUN_ASSETS_DIR:?katarun sets KATARUN_ASSETS_DIR}
kubectl apply -f "$assets/egress/worldtime-serviceentry.yaml"
