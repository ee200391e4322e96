#!/usr/bin/env bash
# Removes the lab's namespaces; `katarun down istio-egress` deletes the whole cluster.
exec bash "${KATARUN_ASSETS_DIR:?run by katarun}/setup/teardown-lab.sh"
