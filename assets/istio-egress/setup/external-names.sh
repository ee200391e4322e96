#!/usr/bin/env bash
# external-names.sh add|remove — puts the lab's DNS names (external-names.corefile, the
# block between its begin/end marks) into the cluster's CoreDNS configuration, or takes
# them out. Any earlier copy of the block is replaced, so running it again changes nothing;
# CoreDNS is restarted only when its configuration really changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
action=${1:?usage: external-names.sh add|remove}
begin='# katarun istio-egress: begin'
end='# katarun istio-egress: end'

corefile=$(kubectl -n kube-system get configmap coredns --ignore-not-found -o 'jsonpath={.data.Corefile}')
if [ -z "$corefile" ]; then
  [ "$action" = remove ] && exit 0
  if [ "${KATARUN_LANG:-en}" = ru ]; then
    echo "FAIL: у кластера нет CoreDNS (configmap coredns в kube-system), а лаборатория через него отвечает на свои имена api.worldtime.example и secure.worldtime.example. Возьмите кластер katarun (без --context) или кластер kind." >&2
  else
    echo "FAIL: this cluster has no CoreDNS configuration (configmap coredns in kube-system), which the lab uses to answer its names api.worldtime.example and secure.worldtime.example. Use katarun's own cluster (no --context) or a kind cluster." >&2
  fi
  exit 3
fi

# The Corefile without the lab's block; with `add`, the block goes in right after the
# opening line of the main server block (".:53 {"). CoreDNS runs its plugins in a fixed
# order, so where `rewrite` stands inside the block does not matter.
new=$(printf '%s\n' "$corefile" | awk -v b="$begin" -v e="$end" -v add="$([ "$action" = add ] && echo 1)" -v rules="$here/external-names.corefile" '
  $0 ~ "^[ \t]*" b { skip = 1; next }
  skip { if ($0 ~ "^[ \t]*" e) skip = 0; next }
  { print }
  add && !done && /^\.(:53)?[ \t]*\{/ {
    while ((getline line < rules) > 0) print "    " line
    done = 1
  }
  END { if (add && !done) exit 4 }
') || {
  echo "FAIL: the cluster's Corefile has no main server block ('.:53 {') to add the lab's DNS names to" >&2
  exit 3
}
if [ "$new" = "$corefile" ]; then
  echo "CoreDNS already answers the lab's names as it should"
  exit 0
fi
# A JSON merge patch of the one key (node is katarun's own runtime, so it is there).
patch=$(printf '%s\n' "$new" | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => process.stdout.write(JSON.stringify({data: {Corefile: s}})))')
kubectl -n kube-system patch configmap coredns --type merge -p "$patch" >/dev/null
kubectl -n kube-system rollout restart deployment/coredns >/dev/null
kubectl -n kube-system rollout status deployment/coredns --timeout=180s
