#!/usr/bin/env bash
# The istio-egress lab's prerequisites — what the original course did by hand in its
# first five steps — run once by katarun before step 1, with progress lines:
#   istioctl (pinned; fetched into the cache when missing) -> Istio with REGISTRY_ONLY,
#   access logs and a fixed ingress NodePort -> namespaces -> the fake external hosts ->
#   ServiceA/B/C, the ingress route for /service-a and the 50/50 split -> GATEWAY_URL.
# Re-running it resets the lab: the egress gateway and the learner's egress resources go.
# It talks only to the cluster in KUBECONFIG, which katarun points at the tutorial cluster.
set -euo pipefail

ISTIO_VERSION=1.30.3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
assets=${KATARUN_ASSETS_DIR:-$(dirname "$here")}
workspace=${KATARUN_WORKSPACE:-$PWD}
cache=${KATARUN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/katarun}
shell_env=${KATARUN_SHELL_ENV:-/dev/null}

step() { printf '==> %s\n' "$*"; }
trap 'echo "FAIL: lab setup stopped at line $LINENO: $BASH_COMMAND" >&2' ERR

step "Waiting for the cluster's node to be Ready"
kubectl wait --for=condition=Ready nodes --all --timeout=180s

step "istioctl $ISTIO_VERSION"
have=$(istioctl version --remote=false 2>/dev/null | grep -Eo '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true)
if [ "${have%.*}" = "${ISTIO_VERSION%.*}" ]; then
  echo "using istioctl $have from PATH"
else
  echo "istioctl on PATH: ${have:-none}; using $ISTIO_VERSION from katarun's cache"
  istioctl_path=$("$here/fetch-istioctl.sh" "$ISTIO_VERSION" "$cache/istio/$ISTIO_VERSION")
  istioctl_dir=$(dirname "$istioctl_path")
  export PATH="$istioctl_dir:$PATH"
  # Every terminal of the lab gets the same istioctl. Single quotes keep $PATH for the terminal to expand.
  # shellcheck disable=SC2016
  printf 'export PATH=%q:"$PATH"\n' "$istioctl_dir" >>"$shell_env"
fi

# istioctl install renders the whole mesh from this lab's file and prunes what is not in
# it: on a cluster whose Istio somebody else installed, it would replace their settings
# (mesh-wide REGISTRY_ONLY, discoverySelectors, NodePort 30080). The lab marks the Istio it
# installs (a label on the istio ConfigMap) and, on a cluster it was handed with --context,
# refuses to touch any other unless asked to. katarun's own kind cluster (KATARUN_CLUSTER)
# holds nothing but the lab.
mark_key=katarun.dev/lab
istio_cm=$(kubectl -n istio-system get configmap istio --ignore-not-found -o "jsonpath={.metadata.name}|{.metadata.labels.katarun\.dev/lab}")
if [ -z "${KATARUN_CLUSTER:-}" ] && [ -n "$istio_cm" ] && [ "${istio_cm#*|}" != istio-egress ] && [ "${KATARUN_ISTIO_EGRESS_REPLACE_ISTIO:-}" != 1 ]; then
  if [ "${KATARUN_LANG:-en}" = ru ]; then
    echo "FAIL: в этом кластере уже есть Istio, установленный не katarun (у configmap istio в istio-system нет метки $mark_key=istio-egress). Лаборатория переустановила бы его со своими настройками (REGISTRY_ONLY для всей сетки, discoverySelectors, NodePort 30080), а istioctl удалил бы всё, чего нет в её файле. Возьмите кластер katarun (без --context) или, если этот Istio можно заменить, запустите заново с KATARUN_ISTIO_EGRESS_REPLACE_ISTIO=1." >&2
  else
    echo "FAIL: this cluster already runs an Istio that katarun did not install (configmap istio in istio-system has no $mark_key=istio-egress label). The lab would re-install it with its own settings (mesh-wide REGISTRY_ONLY, discoverySelectors, NodePort 30080), and istioctl prunes whatever its file does not name. Use katarun's own cluster (no --context), or, if this Istio may be replaced, run again with KATARUN_ISTIO_EGRESS_REPLACE_ISTIO=1." >&2
  fi
  exit 3
fi

step "Installing Istio (REGISTRY_ONLY, access logs, ingress on NodePort 30080) — a few minutes the first time"
istioctl install -y -f "$assets/istio-install.yaml"
kubectl -n istio-system label configmap istio "$mark_key=istio-egress" --overwrite

step "Removing the egress resources of an earlier run, whatever their names"
# Every ServiceEntry, Gateway, DestinationRule and VirtualService in the lab namespace goes —
# also those the learner named differently; the lab's own routing is applied again below.
kubectl -n dev-service-mesh delete --ignore-not-found --all \
  serviceentries.networking.istio.io,gateways.networking.istio.io,destinationrules.networking.istio.io,virtualservices.networking.istio.io

step "Namespaces dev-service-mesh (sidecars on) and outside-world (invisible to Istio)"
kubectl apply -f "$assets/manifests/namespaces.yaml"

step "The fake external hosts in outside-world"
kubectl -n outside-world create secret tls secure-api-tls \
  --cert="$assets/tls/secure-api.crt" --key="$assets/tls/secure-api.key" \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl -n dev-service-mesh create configmap outside-world-ca \
  --from-file=ca.crt="$assets/tls/secure-api.crt" \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl apply -f "$assets/manifests/code-configmaps.yaml"
kubectl apply -f "$assets/manifests/outside-world.yaml"

step "DNS: api.worldtime.example and secure.worldtime.example -> the fake external hosts (CoreDNS rewrite)"
# The lab's hosts get external-looking names, so its ServiceEntries name hosts the way real
# ones do. The cluster's CoreDNS answers them with the addresses of the outside-world
# Services (setup/external-names.corefile, between its begin/end marks, replaced on every
# run; teardown-lab.sh takes it out again).
"$here/external-names.sh" add

# Every pod of the lab runs node:22-alpine. When this machine's container engine already has
# it, katarun's own kind node gets it from there: no anonymous pull from Docker Hub (rate
# limits in a room of learners), and the image the learner's engine trusts. Otherwise the
# node pulls it as before. The engine is the one kind runs on: Podman with
# KIND_EXPERIMENTAL_PROVIDER=podman (or with no docker on PATH, kind's own fallback), where
# `kind load docker-image` cannot help (it always asks docker): podman save + image-archive.
engine=docker
if [ "${KIND_EXPERIMENTAL_PROVIDER:-}" = podman ] || { [ -z "${KIND_EXPERIMENTAL_PROVIDER:-}" ] && ! command -v docker >/dev/null 2>&1 && command -v podman >/dev/null 2>&1; }; then
  engine=podman
fi
if [ -n "${KATARUN_CLUSTER:-}" ] && command -v kind >/dev/null 2>&1 && "$engine" image inspect node:22-alpine >/dev/null 2>&1; then
  step "Loading node:22-alpine from this machine's $engine into the cluster"
  if [ "$engine" = docker ]; then
    kind load docker-image node:22-alpine --name "$KATARUN_CLUSTER" || echo "could not load it; the node pulls it instead"
  else
    archive=$(mktemp -d)
    { podman save -o "$archive/node-22-alpine.tar" node:22-alpine && kind load image-archive "$archive/node-22-alpine.tar" --name "$KATARUN_CLUSTER"; } || echo "could not load it; the node pulls it instead"
    rm -rf "$archive"
  fi
fi

step "ServiceA, ServiceB and ServiceC, the ingress route for /service-a, the 50/50 split"
kubectl apply -f "$assets/manifests/service-a.yaml" -f "$assets/manifests/service-b.yaml" -f "$assets/manifests/service-c.yaml"
kubectl apply -f "$assets/manifests/ingress.yaml" -f "$assets/manifests/producer-split.yaml"

step "Waiting for the pods (the first run pulls node:22-alpine)"
kubectl -n outside-world rollout status deploy/worldtime --timeout=300s
for d in service-a-v1-deployment service-b-deployment service-c-deployment; do
  kubectl -n dev-service-mesh rollout status "deploy/$d" --timeout=300s
done

step "Your shell: namespace dev-service-mesh, the lab's manifests in ./egress and ./istio-install.yaml, GATEWAY_URL"
kubectl config set-context --current --namespace=dev-service-mesh >/dev/null
mkdir -p "$workspace/egress"
cp "$assets"/egress/*.yaml "$workspace/egress/"
cp "$assets/istio-install.yaml" "$workspace/"
if [ -n "${KATARUN_GATEWAY_URL:-}" ]; then
  gateway_url=$KATARUN_GATEWAY_URL
elif [ -n "${KATARUN_CLUSTER:-}" ]; then
  # katarun's own kind cluster maps NodePort 30080 to this port on the host (kind-config.yaml).
  gateway_url=127.0.0.1:18080
else
  # --context: someone else's cluster; reach the NodePort on the first node's address.
  node_ip=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')
  gateway_url=$node_ip:30080
fi
printf 'export GATEWAY_URL=%q\n' "$gateway_url" >>"$shell_env"
echo "GATEWAY_URL=$gateway_url"

step "Waiting for http://$gateway_url/service-a to answer"
curl -fsS --retry 40 --retry-delay 3 --retry-all-errors --max-time 5 "http://$gateway_url/service-a"

step "The lab is ready"
