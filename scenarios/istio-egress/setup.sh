#!/usr/bin/env bash
# The lab's prerequisites (Istio, namespaces, services, GATEWAY_URL); the logic is shared
# with the Russian copy and lives with the other assets.
exec bash "${KATARUN_ASSETS_DIR:?run by katarun}/setup/prepare-lab.sh"
