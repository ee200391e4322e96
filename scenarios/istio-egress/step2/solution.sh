#!/usr/bin/env bash
# Step 2 solution: the egress gateway, with the SAME install file, so nothing else changes.
# shellcheck source=/dev/null
[ -f "${KATARUN_SHELL_ENV:-}" ] && . "$KATARUN_SHELL_ENV"   # GATEWAY_URL and the pinned istioctl, as in the terminals
set -euo pipefail
assets=${KATARUN_ASSETS_DIR:?katarun sets KATARUN_ASSETS_DIR}
istioctl install -y -f "$assets/istio-install.yaml" \
  --set "components.egressGateways[0].name=istio-egressgateway" \
  --set "components.egressGateways[0].enabled=true"
