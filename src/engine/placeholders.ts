// Katacoda and Killercoda placeholders point at their cloud proxies; katarun runs on this
// machine, so each one resolves to a local address. The render layer uses the same resolver
// so that what the learner reads is what runs.
//
// | written in the scenario                                                  | becomes                     |
// | ------------------------------------------------------------------------ | --------------------------- |
// | `https://[[HOST_SUBDOMAIN]]-PORT-[[KATACODA_HOST]].environments.katacoda.com` | `http://localhost:PORT`  |
// | `[[HOST_SUBDOMAIN]]-PORT-[[KATACODA_HOST]].environments.katacoda.com`      | `localhost:PORT`            |
// | `[[HOST_IP]]`, `[[HOST1_IP]]`, `[[HOST2_IP]]`, … `[[CLIENT_IP]]`            | `127.0.0.1`                 |
// | `[[HOST_SUBDOMAIN]]`, `[[KATACODA_HOST]]` (alone)                          | `localhost`                 |
// | `{{TRAFFIC_HOST1_80}}`, `{{TRAFFIC_HOSTn_PORT}}`                           | `http://localhost:PORT`     |
// | `{{TRAFFIC_SELECTOR}}`                                                     | `http://localhost` + a notice naming the port to add |
//
// Every host is this machine, so HOST2 resolves like HOST1 (the terminals say so with a warning).

export interface ResolvedText {
  readonly text: string;
  /** Things the learner should know (e.g. the traffic selector has no local equivalent). */
  readonly notices: readonly string[];
}

const PROXY_URL = /(https?:\/\/)?\[\[HOST\d*_SUBDOMAIN\]\]-(\d+)-\[\[KATACODA_HOST\]\]\.environments\.katacoda\.com/g;
const HOST_IP = /\[\[(?:HOST\d*|CLIENT)_IP\]\]/g;
const LONE_HOST = /\[\[(?:HOST\d*_SUBDOMAIN|KATACODA_HOST)\]\]/g;
const TRAFFIC_HOST = /\{\{TRAFFIC_HOST\d+_(\d+)\}\}/g;

/** Replace every known placeholder with its local equivalent. Unknown text is left as is. */
export function resolvePlaceholders(text: string): ResolvedText {
  if (!text.includes('[[') && !text.includes('{{')) return {text, notices: []};
  const notices: string[] = [];
  let out = text
    .replace(PROXY_URL, (_m, scheme: string | undefined, port: string) => (scheme ? `http://localhost:${port}` : `localhost:${port}`))
    .replace(HOST_IP, '127.0.0.1')
    .replace(LONE_HOST, 'localhost')
    .replace(TRAFFIC_HOST, (_m, port: string) => `http://localhost:${port}`);
  if (out.includes('{{TRAFFIC_SELECTOR}}')) {
    notices.push('This step links to a port selector; services run on this machine, so open http://localhost:<port> for the port the step names.');
    out = out.replaceAll('{{TRAFFIC_SELECTOR}}', 'http://localhost');
  }
  return {text: out, notices};
}
