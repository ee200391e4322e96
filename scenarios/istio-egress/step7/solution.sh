#!/usr/bin/env bash
# Step 7 solution: TLS passthrough through the egress gateway, then one TLS call from ServiceC.
# shellcheck source=/dev/null
[ -f "${KATARUN_SHELL_ENV:-}" ] && . "$KATARUN_SHELL_ENV"   # GATEWAY_URL and the pinned istioctl, as in the terminals
set -euo pipefail
assets=${KATARUN_ASSETS_DIR:?katarun sets KATARUN_ASSETS_DIR}
kubectl apply -f "$assets/egress/tls-passthrough.yaml"
kubectl -n dev-service-mesh exec deploy/service-c-deployment -c service-c -- wget -qO- -T 15 http://localhost:8083/secure || true
