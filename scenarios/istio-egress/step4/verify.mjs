// Step 4 passes when the egress gateway accepts the external host (a Gateway selecting
// istio=egressgateway with an HTTP server on port 80 for the host) and a DestinationRule
// names a subset of the egress gateway Service for the VirtualService of step 5.
import {EGRESS_FQDN, R, WORLDTIME, fail, list, pass, readyReplicas} from '../lib/checks.mjs';

if ((await readyReplicas('istio-system', 'istio-egressgateway')) < 1) {
  fail('the egress gateway is not running — finish step 2 first', 'выходной шлюз не запущен — сначала завершите шаг 2');
}
const gateways = (await list(R.gw)).filter((g) => g.spec?.selector?.istio === 'egressgateway');
if (gateways.length === 0) {
  fail('no Gateway in dev-service-mesh selects the egress gateway (selector istio: egressgateway) — kubectl apply -f egress/egress-gateway.yaml',
    'ни один Gateway в dev-service-mesh не выбирает выходной шлюз (selector istio: egressgateway) — kubectl apply -f egress/egress-gateway.yaml');
}
const servesHost = (g) =>
  (g.spec.servers ?? []).some((s) => s.port?.number === 80 && s.port?.protocol === 'HTTP' && (s.hosts ?? []).some((h) => h === WORLDTIME || h === '*' || h === `*/${WORLDTIME}`));
if (!gateways.some(servesHost)) {
  fail(`Gateway ${gateways[0].metadata.name} has no server for port 80, protocol HTTP, host ${WORLDTIME}`,
    `в Gateway ${gateways[0].metadata.name} нет server с портом 80, протоколом HTTP и хостом ${WORLDTIME}`);
}
const rules = (await list(R.dr)).filter((d) => d.spec?.host === EGRESS_FQDN);
if (rules.length === 0) {
  fail(`no DestinationRule in dev-service-mesh for host ${EGRESS_FQDN} (the full name) — kubectl apply -f egress/egress-gateway.yaml`,
    `в dev-service-mesh нет DestinationRule для хоста ${EGRESS_FQDN} (полное имя) — kubectl apply -f egress/egress-gateway.yaml`);
}
if (!rules.some((d) => (d.spec.subsets ?? []).length > 0)) {
  fail(`DestinationRule ${rules[0].metadata.name} defines no subset; the VirtualService of the next step routes to one`,
    `в DestinationRule ${rules[0].metadata.name} нет subset; VirtualService следующего шага направляет трафик в него`);
}
pass('the egress Gateway and its DestinationRule are in place', 'Gateway для выходного шлюза и его DestinationRule на месте');
