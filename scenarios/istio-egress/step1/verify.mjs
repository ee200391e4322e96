// Step 1 passes when egress is really closed: the mesh is REGISTRY_ONLY and a ServiceC
// answer on /service-a shows its call to the outside being refused by its sidecar.
import {fail, isRegistryOnly, meshConfigText, pass, probeOutsideWorld, sampleServiceA} from '../lib/checks.mjs';

if (!isRegistryOnly(await meshConfigText())) {
  fail('the mesh is not REGISTRY_ONLY (ConfigMap istio in istio-system) — rerun the lab setup, which installs Istio with istio-install.yaml',
    'в сетке не включён REGISTRY_ONLY (ConfigMap istio в istio-system) — перезапустите подготовку лаборатории: она ставит Istio из istio-install.yaml');
}
const {seen} = await sampleServiceA(6);
if (seen['no-answer'] === 6) {
  fail('nothing answers on $GATEWAY_URL/service-a — is the cluster running? (katarun doctor istio-egress)',
    'на $GATEWAY_URL/service-a никто не отвечает — кластер запущен? (katarun doctor istio-egress)');
}
if (seen['c-ok']) {
  fail('ServiceC already reaches the outside world, so egress is not closed — a ServiceEntry from an earlier run? Rerun the lab setup to reset it',
    'ServiceC уже достаёт до внешнего мира, значит выход не закрыт — остался ServiceEntry с прошлого запуска? Перезапустите подготовку, она всё сбросит');
}
if (!seen['c-blocked']) {
  if (seen['c-unreachable'] && !(await probeOutsideWorld())) {
    fail('the external host itself is down (kubectl -n outside-world get pods) — not your configuration',
      'не работает сам внешний хост (kubectl -n outside-world get pods) — дело не в вашей настройке');
  }
  fail('no ServiceC answer among 6 requests yet (the split is 50/50) — run the curl loop again',
    'среди 6 ответов пока нет ответа ServiceC (деление 50/50) — выполните цикл curl ещё раз');
}
pass('REGISTRY_ONLY is on and ServiceC\'s call to the outside got the sidecar\'s 502',
  'REGISTRY_ONLY включён, и вызов ServiceC наружу получил 502 от sidecar');
