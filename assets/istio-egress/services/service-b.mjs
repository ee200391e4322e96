// ServiceB of the istio-egress lab: a constant answer, so that the B half of the
// 50/50 split always succeeds and any failure on /service-a points at ServiceC's egress.
// Runs in the cluster from a ConfigMap (kept equal to this file by a test) and in tests.
import http from 'node:http';
import {pathToFileURL} from 'node:url';

export const SERVICE_B_ANSWER = 'Hello from ServiceB!';

export function createServiceB() {
  return http.createServer((req, res) => {
    if (req.url === '/healthz') return void res.end('ok\n');
    res.writeHead(200, {'content-type': 'text/plain; charset=utf-8'});
    res.end(`${SERVICE_B_ANSWER}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8082);
  const server = createServiceB();
  server.listen(port, () => console.log(`ServiceB listening on :${port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
