#!/usr/bin/env bash
# Step 6 solution: call /service-a a few times.
# shellcheck source=/dev/null
[ -f "${KATARUN_SHELL_ENV:-}" ] && . "$KATARUN_SHELL_ENV"   # GATEWAY_URL and the pinned istioctl, as in the terminals
set -euo pipefail
for _ in 1 2 3 4 5 6; do curl -s "http://${GATEWAY_URL:-127.0.0.1:18080}/service-a"; done
