// Step 2 passes when the egress gateway runs AND the reinstall kept the earlier settings:
// REGISTRY_ONLY, the access log and the ingress NodePort 30080 (the seed's command lost them).
import {fail, hasAccessLog, isRegistryOnly, kubectlJson, meshConfigText, pass, readyReplicas} from '../lib/checks.mjs';

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
const {json: svc} = await kubectlJson(['get', 'service', 'istio-ingressgateway', '-n', 'istio-system']);
const http2 = svc?.spec?.ports?.find((p) => p.name === 'http2');
if (http2?.nodePort !== 30080) {
  fail(`the ingress gateway's NodePort is ${http2?.nodePort ?? 'missing'}, not 30080, so GATEWAY_URL no longer reaches it — reinstall with -f istio-install.yaml`,
    `NodePort входного шлюза ${http2?.nodePort ?? 'отсутствует'}, а не 30080, и GATEWAY_URL до него не доходит — переустановите с -f istio-install.yaml`);
}
pass('the egress gateway is ready, and REGISTRY_ONLY, the access log and NodePort 30080 survived the reinstall',
  'выходной шлюз готов, а REGISTRY_ONLY, журнал доступа и NodePort 30080 пережили переустановку');
