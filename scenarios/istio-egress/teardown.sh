#!/usr/bin/env bash
# Removes the lab from a cluster katarun was handed with --context (`katarun down istio-egress
# --context NAME`); without --context, `katarun down` deletes the whole kind cluster instead.
# Shared with the Russian copy; the work is in the assets folder (katarun.assetsDir).
exec bash "${KATARUN_ASSETS_DIR:?katarun sets KATARUN_ASSETS_DIR}/setup/teardown-lab.sh"
