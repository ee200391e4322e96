// The lab's "internet": a small world-time API that plays the part worldtimeapi.org
// played in the original course, plus a TLS endpoint for the passthrough step.
// It runs in the namespace `outside-world`, which Istio is told not to see
// (meshConfig.discoverySelectors), so for the mesh it is as external as any site on the
// internet — but it never rate-limits, never resets connections and needs no internet.
//   HTTP  :8080  GET /api/timezone/Europe  -> plain-text zone list (deterministic)
//                GET /healthz              -> ok
//   HTTPS :8443  GET /                     -> a greeting (only when TLS_CERT/TLS_KEY exist)
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import {pathToFileURL} from 'node:url';

export const EUROPE_ZONES = [
  'Europe/Amsterdam', 'Europe/Andorra', 'Europe/Astrakhan', 'Europe/Athens', 'Europe/Belgrade',
  'Europe/Berlin', 'Europe/Brussels', 'Europe/Bucharest', 'Europe/Budapest', 'Europe/Chisinau',
  'Europe/Dublin', 'Europe/Gibraltar', 'Europe/Helsinki', 'Europe/Istanbul', 'Europe/Kaliningrad',
  'Europe/Kyiv', 'Europe/Lisbon', 'Europe/London', 'Europe/Madrid', 'Europe/Moscow', 'Europe/Paris',
  'Europe/Prague', 'Europe/Riga', 'Europe/Rome', 'Europe/Samara', 'Europe/Sofia', 'Europe/Stockholm',
  'Europe/Tallinn', 'Europe/Vienna', 'Europe/Vilnius', 'Europe/Warsaw', 'Europe/Zurich',
];

export const SECURE_ANSWER = 'Hello over TLS from the secure API! The egress gateway passed these bytes through without decrypting them.';

function handle(req, res) {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') return void res.end('ok\n');
  if (path === '/api/timezone/Europe' || path === '/api/timezone/Europe.txt') {
    res.writeHead(200, {'content-type': 'text/plain; charset=utf-8'});
    return void res.end(`${EUROPE_ZONES.join('\n')}\n`);
  }
  res.writeHead(404, {'content-type': 'text/plain; charset=utf-8'});
  res.end(`unknown path ${path}; try /api/timezone/Europe\n`);
}

export function createWorldtime() {
  return http.createServer(handle);
}

export function createSecureApi({cert, key}) {
  return https.createServer({cert, key}, (req, res) => {
    res.writeHead(200, {'content-type': 'text/plain; charset=utf-8'});
    res.end(`${SECURE_ANSWER}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const servers = [createWorldtime().listen(Number(process.env.PORT ?? 8080))];
  const certFile = process.env.TLS_CERT ?? '/etc/outside-world-tls/tls.crt';
  const keyFile = process.env.TLS_KEY ?? '/etc/outside-world-tls/tls.key';
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const tls = {cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile)};
    servers.push(createSecureApi(tls).listen(Number(process.env.TLS_PORT ?? 8443)));
  }
  console.log(`worldtime listening (${servers.length === 2 ? 'HTTP and HTTPS' : 'HTTP only'})`);
  process.on('SIGTERM', () => {
    for (const s of servers) s.close();
    process.exit(0);
  });
}
