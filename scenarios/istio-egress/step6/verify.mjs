// Step 6 passes when /service-a answers successfully on both halves of the split AND the
// egress gateway's own Envoy counted the calls to the external host (a success alone
// cannot tell the gateway path from the direct one that a ServiceEntry already allows).
// When ServiceC's call fails, the external host is probed from outside the mesh so that
// "the host is down" is not reported as "your configuration is wrong".
import {WORLDTIME, countersOrFail, egressClusterStats, fail, pass, probeOutsideWorld, sampleServiceA} from '../lib/checks.mjs';

const cluster = `outbound|80||${WORLDTIME}`;
// rq_total counts requests, so a request on a kept-alive connection counts too.
const before = countersOrFail(await egressClusterStats(cluster, ['rq_total'])).rq_total;
const {seen, samples} = await sampleServiceA(8);
const after = countersOrFail(await egressClusterStats(cluster, ['rq_total'])).rq_total;

if (seen['no-answer'] === 8) {
  fail(`nothing answers on http://$GATEWAY_URL/service-a (curl exit ${samples[0].curlCode}) — is the cluster running? katarun doctor istio-egress`,
    `на http://$GATEWAY_URL/service-a никто не отвечает (curl вернул ${samples[0].curlCode}) — кластер запущен? katarun doctor istio-egress`);
}
if (seen['c-blocked']) {
  fail('ServiceC still gets 502 from its sidecar: the host is not in the registry — the ServiceEntry (step 3) is missing or lists another host',
    'ServiceC всё ещё получает 502 от sidecar: хоста нет в реестре — нет ServiceEntry (шаг 3) или в нём другой хост');
}
if (seen['c-unreachable']) {
  if (!(await probeOutsideWorld())) {
    fail('the external host itself is down (it does not answer even from outside the mesh: kubectl -n outside-world get pods) — not your configuration',
      'не работает сам внешний хост (он не отвечает даже в обход сетки: kubectl -n outside-world get pods) — дело не в вашей настройке');
  }
  fail('ServiceC got 503 although the host is up: the egress gateway could not forward — check the Gateway (step 4: port 80, the host), the DestinationRule subset and the VirtualService',
    'ServiceC получил 503, хотя хост работает: выходной шлюз не смог переслать запрос — проверьте Gateway (шаг 4: порт 80, хост), subset в DestinationRule и VirtualService');
}
if (seen['c-no-route']) {
  fail('the egress gateway answered 404: it has no route for the host — the VirtualService needs the second match (gateways: [worldtime-egress-gw]) from step 5',
    'выходной шлюз ответил 404: у него нет маршрута для хоста — в VirtualService нужен второй match (gateways: [worldtime-egress-gw]) из шага 5');
}
const odd = samples.find((s) => s.kind === 'unknown' || s.kind === 'c-other');
if (odd) fail(`unexpected answer from /service-a: ${odd.body.slice(0, 200)}`, `неожиданный ответ /service-a: ${odd.body.slice(0, 200)}`);
if (!seen['c-ok']) {
  fail('no ServiceC answer among 8 requests yet (the split is 50/50) — run the curl loop again', 'среди 8 ответов пока нет ответа ServiceC (деление 50/50) — выполните цикл curl ещё раз');
}
if (!(after > before)) {
  fail('ServiceC reached the host directly, not through the egress gateway (its counters did not move) — the VirtualService of step 5 is missing or not pushed yet',
    'ServiceC дошёл до хоста напрямую, а не через выходной шлюз (его счётчики не изменились) — нет VirtualService из шага 5, или он ещё не применился');
}
pass(`every answer succeeded and the egress gateway forwarded ServiceC's calls (${cluster})`,
  `все ответы успешны, и выходной шлюз переслал вызовы ServiceC (${cluster})`);
