// ServiceC of the istio-egress lab: the one service that talks to the outside world.
//   GET /        calls the world-time API over plain HTTP (EXTERNAL_URL) and quotes
//                the first 100 characters, as the original course did;
//   GET /secure  calls the secure API over TLS (SECURE_URL), verifying its certificate
//                against CA_FILE, to show that a TLS-passthrough egress gateway never
//                decrypts: the certificate the app checks is the external server's own.
// Failures are explained, because the lab is about telling them apart: a 502 with an
// empty body is the sidecar refusing an unknown host (REGISTRY_ONLY); a 503 "upstream
// connect error" means the mesh let the call out but the host did not answer.
// Runs in the cluster from a ConfigMap (kept equal to this file by a test) and in tests.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import {pathToFileURL} from 'node:url';

const PREFIX = 'Hello from ServiceC! Calling worldtime API... ';
const SECURE_PREFIX = 'Hello from ServiceC! Calling secure API over TLS... ';

/** What a failed call most likely means, in one sentence. */
export function explainFailure(status, body, host) {
  if (status === 502 && body === '') {
    return `blocked by the mesh: ${host} is not in Istio's service registry (REGISTRY_ONLY) — it needs a ServiceEntry`;
  }
  if (status === 503 || /upstream connect error|no healthy upstream/.test(body)) {
    return `the mesh let the call out, but ${host} did not answer — the external host may be down`;
  }
  if (status === 404 && body === '') return 'a gateway received the call but has no route for this host (check the VirtualService)';
  return '';
}

/** GET over plain HTTP on a connection of its own (agent: false): every call is a new
 * connection, so the egress gateway's counters move per call (see callSecure). */
function httpGet(url, timeoutMs) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, {agent: false, timeout: timeoutMs}, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', body}));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), {code: 'ETIMEDOUT'})));
    req.on('error', reject);
  });
}

export async function callWorldtime(url, timeoutMs) {
  const host = new URL(url).host;
  try {
    const res = await httpGet(url, timeoutMs);
    const body = res.body;
    if (res.status >= 200 && res.status < 300) {
      return `${PREFIX}Received response from ${host}: ${body.slice(0, 100)}... (printed only 100 symbols from response body beginning)`;
    }
    const why = explainFailure(res.status, body.trim(), host);
    return `${PREFIX}${res.status} ${res.statusText}: ${body.trim() || '[no body]'}${why ? ` (${why})` : ''}`;
  } catch (err) {
    const code = err?.code ?? err?.name ?? 'error';
    return `${PREFIX}could not reach ${host}: ${code} (the external host did not answer — it may be down)`;
  }
}

/** `lookup` (optional) resolves host names; tests use it to reach the certificate's name on 127.0.0.1. */
export function callSecure(url, caFile, timeoutMs, lookup) {
  const host = new URL(url).hostname;
  return new Promise((resolve) => {
    // agent: false — a TLS connection of its own per call. Node's default agent keeps a
    // connection alive for 5 s; a second call within that reuses it, and the egress gateway
    // (a TCP proxy for passthrough) then counts no new connection for it.
    const options = {agent: false, timeout: timeoutMs, ...(lookup ? {lookup} : {})};
    if (caFile && fs.existsSync(caFile)) options.ca = fs.readFileSync(caFile);
    const req = https.get(url, options, (res) => {
      const cert = res.socket.getPeerCertificate?.() ?? {};
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        const who = cert.subject?.CN ? ` (certificate verified: CN=${cert.subject.CN})` : '';
        resolve(`${SECURE_PREFIX}Received response from ${host}: ${body.trim()}${who}`);
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), {code: 'ETIMEDOUT'})));
    req.on('error', (err) => {
      const why =
        err.code === 'ECONNRESET'
          ? 'the connection was reset before TLS was set up — under REGISTRY_ONLY this is how the mesh blocks a host it does not know'
          : err.code === 'ECONNREFUSED' || err.code === 'ETIMEDOUT'
            ? 'the external host did not answer — it may be down'
            : 'TLS or network error';
      resolve(`${SECURE_PREFIX}could not reach ${host}: ${err.code ?? err.message} (${why})`);
    });
  });
}

export function createServiceC({externalUrl, secureUrl, caFile, timeoutMs = 5000, lookup}) {
  return http.createServer(async (req, res) => {
    if (req.url === '/healthz') return void res.end('ok\n');
    const text = req.url === '/secure' ? await callSecure(secureUrl, caFile, timeoutMs, lookup) : await callWorldtime(externalUrl, timeoutMs);
    res.writeHead(200, {'content-type': 'text/plain; charset=utf-8'});
    res.end(`${text}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8083);
  const server = createServiceC({
    externalUrl: process.env.EXTERNAL_URL ?? 'http://api.worldtime.example/api/timezone/Europe',
    secureUrl: process.env.SECURE_URL ?? 'https://secure.worldtime.example/',
    caFile: process.env.CA_FILE ?? '/etc/outside-world-ca/ca.crt',
    timeoutMs: Number(process.env.UPSTREAM_TIMEOUT_MS ?? 5000),
  });
  server.listen(port, () => console.log(`ServiceC listening on :${port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
