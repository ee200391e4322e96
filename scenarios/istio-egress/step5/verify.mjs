// Step 5 passes when a VirtualService for the external host has both hops:
// sidecars (gateway "mesh") -> the egress gateway Service on port 80 with an existing
// subset, and the egress Gateway -> the external host on port 80.
import {EGRESS_FQDN, R, WORLDTIME, fail, list, pass, withHost} from '../lib/checks.mjs';

const egressGateways = (await list(R.gw)).filter((g) => g.spec?.selector?.istio === 'egressgateway').map((g) => g.metadata.name);
const subsets = new Set((await list(R.dr)).filter((d) => d.spec?.host === EGRESS_FQDN).flatMap((d) => (d.spec.subsets ?? []).map((s) => s.name)));
const services = withHost(await list(R.vs), WORLDTIME);
if (services.length === 0) {
  fail(`no VirtualService in dev-service-mesh for ${WORLDTIME} — kubectl apply -f egress/worldtime-through-egress-vs.yaml`,
    `в dev-service-mesh нет VirtualService для ${WORLDTIME} — kubectl apply -f egress/worldtime-through-egress-vs.yaml`);
}
const vs = services[0];
const name = vs.metadata.name;
const bound = (vs.spec.gateways ?? []).map((g) => g.replace(/^dev-service-mesh\//, ''));
const gwName = bound.find((g) => egressGateways.includes(g));
if (!bound.includes('mesh')) {
  fail(`VirtualService ${name} is not bound to gateway "mesh", so the sidecars never use it`, `VirtualService ${name} не привязан к шлюзу "mesh", и sidecar-ы его не используют`);
}
if (!gwName) {
  fail(`VirtualService ${name} is not bound to the egress Gateway of step 4 (${egressGateways.join(', ') || 'none found'})`,
    `VirtualService ${name} не привязан к Gateway выходного шлюза из шага 4 (${egressGateways.join(', ') || 'не найден'})`);
}
const routes = vs.spec.http ?? [];
const matches = (r, g) => (r.match ?? []).some((m) => (m.gateways ?? []).map((x) => x.replace(/^dev-service-mesh\//, '')).includes(g));
const meshRoute = routes.find((r) => matches(r, 'mesh'));
const gwRoute = routes.find((r) => matches(r, gwName));
const dest = (r) => r?.route?.[0]?.destination ?? {};
if (!meshRoute || dest(meshRoute).host !== EGRESS_FQDN) {
  fail(`VirtualService ${name}: the route for gateway "mesh" must send traffic to ${EGRESS_FQDN}`,
    `VirtualService ${name}: маршрут для шлюза "mesh" должен вести на ${EGRESS_FQDN}`);
}
if (dest(meshRoute).port?.number !== 80) {
  fail(`VirtualService ${name}: the route to the egress gateway must name port 80 (its Service has 80 and 443)`,
    `VirtualService ${name}: в маршруте на выходной шлюз нужен port 80 (у его Service есть 80 и 443)`);
}
if (dest(meshRoute).subset && !subsets.has(dest(meshRoute).subset)) {
  fail(`VirtualService ${name} uses subset "${dest(meshRoute).subset}", which no DestinationRule defines — requests would fail with 503`,
    `VirtualService ${name} использует subset "${dest(meshRoute).subset}", которого нет ни в одном DestinationRule — запросы получат 503`);
}
if (!gwRoute || dest(gwRoute).host !== WORLDTIME || dest(gwRoute).port?.number !== 80) {
  fail(`VirtualService ${name}: the route for gateway ${gwName} must send traffic on to ${WORLDTIME} port 80`,
    `VirtualService ${name}: маршрут для шлюза ${gwName} должен вести дальше на ${WORLDTIME}, порт 80`);
}
pass(`VirtualService ${name} routes mesh -> egress gateway -> ${WORLDTIME}`, `VirtualService ${name} ведёт трафик: сетка -> выходной шлюз -> ${WORLDTIME}`);
