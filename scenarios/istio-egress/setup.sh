#!/usr/bin/env bash
# The lab's prerequisites (Istio, namespaces, services, GATEWAY_URL); the logic is shared
# with the Russian copy and lives with the other assets (katarun.assetsDir).
assets=${KATARUN_ASSETS_DIR:-}
[ -f "$assets/setup/prepare-lab.sh" ] || assets="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../assets/istio-egress" && pwd)"
export KATARUN_ASSETS_DIR=$assets
exec bash "$assets/setup/prepare-lab.sh"
