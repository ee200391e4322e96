#!/usr/bin/env bash
# Removes what the istio-egress lab put into the cluster (its two namespaces and its DNS
# names) but keeps the cluster and Istio, so the next run starts in seconds. `katarun down istio-egress`
# deletes the whole kind cluster.
set -euo pipefail
kubectl delete namespace dev-service-mesh outside-world --ignore-not-found --wait=false
"$(dirname "${BASH_SOURCE[0]}")/external-names.sh" remove
echo "lab namespaces removed; 'katarun down istio-egress' deletes the cluster itself"
