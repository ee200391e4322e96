#!/usr/bin/env bash
# Step 4 solution: the egress Gateway and the DestinationRule.
# shellcheck source=/dev/null
[ -f "${KATARUN_SHELL_ENV:-}" ] && . "$KATARUN_SHELL_ENV"   # GATEWAY_URL and the pinned istioctl, as in the terminals
set -euo pipefail
assets=${KATARUN_ASSETS_DIR:?katarun sets KATARUN_ASSETS_DIR}
kubectl apply -f "$assets/egress/egress-gateway.yaml"
