// Step 3 passes when a ServiceEntry in dev-service-mesh registers the external host for
// HTTP on port 80 with DNS resolution (NONE would make the egress gateway loop to itself).
import {R, WORLDTIME, fail, list, pass, withHost} from '../lib/checks.mjs';

const entries = withHost(await list(R.se), WORLDTIME);
if (entries.length === 0) {
  fail(`no ServiceEntry in dev-service-mesh lists ${WORLDTIME} — kubectl apply -f egress/worldtime-serviceentry.yaml`,
    `ни один ServiceEntry в dev-service-mesh не содержит ${WORLDTIME} — kubectl apply -f egress/worldtime-serviceentry.yaml`);
}
const se = entries[0];
const name = se.metadata.name;
const port = (se.spec.ports ?? []).find((p) => p.number === 80);
if (!port || port.protocol !== 'HTTP') {
  fail(`ServiceEntry ${name} has no port 80 with protocol HTTP`, `в ServiceEntry ${name} нет порта 80 с протоколом HTTP`);
}
if (se.spec.resolution !== 'DNS') {
  fail(`ServiceEntry ${name} has resolution ${se.spec.resolution ?? 'NONE'}; it must be DNS, or the egress gateway sends the traffic back to itself`,
    `у ServiceEntry ${name} resolution ${se.spec.resolution ?? 'NONE'}; нужен DNS, иначе выходной шлюз отправит трафик сам себе`);
}
if ((se.spec.location ?? 'MESH_EXTERNAL') !== 'MESH_EXTERNAL') {
  fail(`ServiceEntry ${name} says location ${se.spec.location}; the host is outside the mesh: MESH_EXTERNAL`,
    `у ServiceEntry ${name} location ${se.spec.location}; хост вне сетки: MESH_EXTERNAL`);
}
pass(`ServiceEntry ${name} puts ${WORLDTIME}:80 into the registry`, `ServiceEntry ${name} вносит ${WORLDTIME}:80 в реестр`);
