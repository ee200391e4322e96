// ServiceA of the istio-egress lab. Every GET calls the "producer" service
// (http://producer-internal-host/, which Istio splits 50/50 between ServiceB and ServiceC)
// and quotes its answer, in the wording of the original course.
// The same file runs in the cluster (node:22-alpine, mounted from a ConfigMap that
// scenarios' tests keep equal to this file) and in katarun's tests on 127.0.0.1.
// No dependencies: Node's own http server and fetch.
import http from 'node:http';
import {pathToFileURL} from 'node:url';

const PREFIX = 'Hello from ServiceA! Calling Producer Service... ';

/** Calls `url` once; never throws. */
export async function callProducer(url, timeoutMs) {
  try {
    const res = await fetch(url, {signal: AbortSignal.timeout(timeoutMs), redirect: 'manual'});
    const body = (await res.text()).trim();
    return {status: res.status, statusText: res.statusText, body};
  } catch (err) {
    const code = err?.cause?.code ?? err?.name ?? 'error';
    return {status: 0, statusText: '', body: '', error: `${code}${err?.cause?.message ? ` (${err.cause.message})` : ''}`};
  }
}

/** The text ServiceA answers with, for one producer result. */
export function describeProducer(result, url) {
  if (result.status >= 200 && result.status < 300) return `${PREFIX}Received response from Producer Service: ${result.body}`;
  if (result.status > 0) return `${PREFIX}${result.status} ${result.statusText}: ${result.body || '[no body]'}`;
  return `${PREFIX}could not reach ${new URL(url).host}: ${result.error}`;
}

/** The server; the HTTP status is always 200, as in the original course: the story is in the body. */
export function createServiceA({producerUrl, timeoutMs = 5000}) {
  return http.createServer(async (req, res) => {
    if (req.url === '/healthz') return void res.end('ok\n');
    const text = describeProducer(await callProducer(producerUrl, timeoutMs), producerUrl);
    res.writeHead(200, {'content-type': 'text/plain; charset=utf-8'});
    res.end(`${text}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8081);
  const server = createServiceA({
    producerUrl: process.env.PRODUCER_URL ?? 'http://producer-internal-host/',
    timeoutMs: Number(process.env.UPSTREAM_TIMEOUT_MS ?? 5000),
  });
  server.listen(port, () => console.log(`ServiceA listening on :${port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
