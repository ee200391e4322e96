// Step 7 passes when the four TLS-passthrough resources say what they should and a TLS
// call from ServiceC succeeds with the egress gateway's counters for the secure API moving.
import {EGRESS_FQDN, R, SECURE_API, countersOrFail, egressClusterStats, fail, list, pass, probeOutsideWorld, sh, withHost} from '../lib/checks.mjs';

const se = withHost(await list(R.se), SECURE_API)[0];
if (!se) fail(`no ServiceEntry lists ${SECURE_API} — kubectl apply -f egress/tls-passthrough.yaml`, `ни один ServiceEntry не содержит ${SECURE_API} — kubectl apply -f egress/tls-passthrough.yaml`);
const port = (se.spec.ports ?? []).find((p) => p.number === 443);
if (!port || !['TLS', 'HTTPS'].includes(port.protocol) || se.spec.resolution !== 'DNS') {
  fail(`ServiceEntry ${se.metadata.name} needs port 443 with protocol TLS and resolution DNS`, `в ServiceEntry ${se.metadata.name} нужен порт 443 с протоколом TLS и resolution DNS`);
}
const gw = (await list(R.gw)).find((g) =>
  g.spec?.selector?.istio === 'egressgateway' &&
  (g.spec.servers ?? []).some((s) => s.port?.number === 443 && s.tls?.mode === 'PASSTHROUGH' && (s.hosts ?? []).includes(SECURE_API)));
if (!gw) {
  fail(`no egress Gateway has a server on 443 with tls.mode PASSTHROUGH for ${SECURE_API}`, `ни в одном Gateway выходного шлюза нет server на 443 с tls.mode PASSTHROUGH для ${SECURE_API}`);
}
if (!(await list(R.dr)).some((d) => d.spec?.host === EGRESS_FQDN && (d.spec.subsets ?? []).some((s) => s.name === 'secure-api'))) {
  fail('no DestinationRule defines subset secure-api of the egress gateway', 'ни один DestinationRule не задаёт subset secure-api для выходного шлюза');
}
const vs = withHost(await list(R.vs), SECURE_API)[0];
const tls = vs?.spec?.tls ?? [];
if (!vs || tls.length < 2 || tls.some((r) => (r.match ?? []).some((m) => !(m.sniHosts ?? []).length))) {
  fail('the VirtualService for the secure API needs two tls routes (mesh -> egress gateway, egress gateway -> host), each matching sniHosts',
    'VirtualService для защищённого API нужны два tls-маршрута (сетка -> выходной шлюз, выходной шлюз -> хост), каждый с sniHosts');
}

// TLS passthrough is TCP proxying: the gateway counts connections (cx_total), not requests.
// ServiceC opens a new connection per call (agent: false), so cx_total moves per call; should
// a client still reuse a kept-alive connection, that connection is open on the gateway
// (cx_active > 0) — proof enough that the traffic goes through it.
const cluster = `outbound|443||${SECURE_API}`;
const before = countersOrFail(await egressClusterStats(cluster, ['cx_total', 'cx_active']));
const call = await sh('kubectl', ['--request-timeout=20s', '-n', 'dev-service-mesh', 'exec', 'deploy/service-c-deployment', '-c', 'service-c', '--',
  'wget', '-qO-', '-T', '15', 'http://localhost:8083/secure']);
const after = countersOrFail(await egressClusterStats(cluster, ['cx_total', 'cx_active']));
if (!call.out.includes(`Received response from ${SECURE_API}`)) {
  if (/ECONNRESET/.test(call.out)) {
    fail('the TLS connection was reset: the sidecar does not know the host on 443 yet (ServiceEntry) or the configuration is not pushed yet',
      'TLS-соединение сброшено: sidecar ещё не знает хост на 443 (ServiceEntry), или настройка ещё не применилась');
  }
  if (!(await probeOutsideWorld())) {
    fail('the external host itself is down (kubectl -n outside-world get pods) — not your configuration', 'не работает сам внешний хост (kubectl -n outside-world get pods) — дело не в вашей настройке');
  }
  fail(`ServiceC's TLS call failed: ${(call.out || call.err).trim().slice(0, 200)}`, `TLS-вызов ServiceC не удался: ${(call.out || call.err).trim().slice(0, 200)}`);
}
if (!(after.cx_total > before.cx_total || after.cx_active > 0)) {
  fail('the TLS call worked but bypassed the egress gateway (its counters did not move) — check the mesh route of the VirtualService',
    'TLS-вызов прошёл, но мимо выходного шлюза (его счётчики не изменились) — проверьте маршрут для mesh в VirtualService');
}
pass('TLS to the secure API went through the egress gateway without being decrypted', 'TLS до защищённого API прошёл через выходной шлюз без расшифровки');
