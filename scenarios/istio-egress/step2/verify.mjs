// Step 2 passes when the egress gateway runs AND the reinstall kept the earlier settings:
// REGISTRY_ONLY, the access log and the discoverySelectors that keep outside-world out of
// Istio's registry (a flags-only reinstall, the seed's command, loses all three). The
// ingress NodePort is checked too, though Kubernetes keeps an allocated node port that an
// update leaves out, so a reinstall alone does not move it.
import {fail, hasAccessLog, hasLabSelectors, isRegistryOnly, kubectlJson, meshConfigText, pass, readyReplicas} from '../lib/checks.mjs';

const ready = await readyReplicas('istio-system', 'istio-egressgateway');
if (ready < 0) {
  fail('there is no istio-egressgateway Deployment in istio-system yet — run the istioctl install command of this step',
    'в istio-system ещё нет Deployment istio-egressgateway — выполните команду istioctl install из этого шага');
}
if (ready === 0) fail('istio-egressgateway exists but no pod is ready yet (kubectl -n istio-system get pods -l istio=egressgateway)',
  'istio-egressgateway создан, но ни один под ещё не готов (kubectl -n istio-system get pods -l istio=egressgateway)');
const mesh = await meshConfigText();
if (!isRegistryOnly(mesh)) {
  fail('REGISTRY_ONLY is gone: istioctl install ran without -f istio-install.yaml and rendered the default (ALLOW_ANY) — run this step\'s command again, it passes the file',
    'REGISTRY_ONLY пропал: istioctl install запустили без -f istio-install.yaml, и он вернул значение по умолчанию (ALLOW_ANY) — выполните команду шага ещё раз, она передаёт файл');
}
if (!hasAccessLog(mesh)) {
  fail('the access log is off (accessLogFile is not /dev/stdout) — reinstall with -f istio-install.yaml as this step shows',
    'журнал доступа выключен (accessLogFile не /dev/stdout) — переустановите с -f istio-install.yaml, как в шаге');
}
if (!hasLabSelectors(mesh)) {
  fail('discoverySelectors are gone: Istio now watches the outside-world namespace too, so the lab\'s "external" hosts are in its registry and no longer external — reinstall with -f istio-install.yaml as this step shows',
    'discoverySelectors пропали: Istio теперь видит и пространство имён outside-world, так что «внешние» хосты лаборатории попали в его реестр и больше не внешние — переустановите с -f istio-install.yaml, как в шаге');
}
const {json: svc} = await kubectlJson(['get', 'service', 'istio-ingressgateway', '-n', 'istio-system']);
const http2 = svc?.spec?.ports?.find((p) => p.name === 'http2');
if (http2?.nodePort !== 30080) {
  fail(`the ingress gateway's NodePort is ${http2?.nodePort ?? 'missing'}, not 30080, so GATEWAY_URL no longer reaches it — the ingress Service was changed or re-created; reinstall with -f istio-install.yaml`,
    `NodePort входного шлюза ${http2?.nodePort ?? 'отсутствует'}, а не 30080, и GATEWAY_URL до него не доходит — Service входного шлюза изменили или пересоздали; переустановите с -f istio-install.yaml`);
}
pass('the egress gateway is ready, and REGISTRY_ONLY, the access log, the discoverySelectors and NodePort 30080 survived the reinstall',
  'выходной шлюз готов, а REGISTRY_ONLY, журнал доступа, discoverySelectors и NodePort 30080 пережили переустановку');
