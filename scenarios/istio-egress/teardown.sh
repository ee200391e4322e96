#!/usr/bin/env bash
# Removes the lab's namespaces; `katarun down istio-egress` deletes the whole cluster. Shared
# with the Russian copy and lives with the other assets (katarun.assetsDir).
assets=${KATARUN_ASSETS_DIR:-}
[ -f "$assets/setup/teardown-lab.sh" ] || assets="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../assets/istio-egress" && pwd)"
export KATARUN_ASSETS_DIR=$assets
exec bash "$assets/setup/teardown-lab.sh"
