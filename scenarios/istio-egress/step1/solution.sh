#!/usr/bin/env bash
# Step 1 solution: ask /service-a a few times; the ServiceC answers show the 502.
# shellcheck source=/dev/null
[ -f "${KATARUN_SHELL_ENV:-}" ] && . "$KATARUN_SHELL_ENV"   # GATEWAY_URL and the pinned istioctl, as in the terminals
set -euo pipefail
for _ in 1 2 3 4 5 6; do curl -s "http://${GATEWAY_URL:-127.0.0.1:18080}/service-a"; done
