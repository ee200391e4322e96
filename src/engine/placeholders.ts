// Katacoda and Killercoda placeholders point at their cloud proxies; katarun runs on this
// machine, so each one resolves to a local address. The render layer uses the same resolver
// so that what the learner reads is what runs.
//
// | written in the scenario                                                  | becomes                     |
// | ------------------------------------------------------------------------ | --------------------------- |
// | `https://[[HOST_SUBDOMAIN]]-PORT-[[KATACODA_HOST]].environments.katacoda.com` | `http://localhost:PORT`  |
// | `[[HOST_SUBDOMAIN]]-PORT-[[KATACODA_HOST]].environments.katacoda.com`      | `localhost:PORT`            |
// |   … with `.[[KATACODA_DOMAIN]]` for the domain, or `$PORT` / `${PORT}` for the port | the same          |
// | `https://[[HOST_SUBDOMAIN]]-[[KATACODA_HOST]].environments.katacoda.com` (no port: the port selector) | `http://localhost` + a notice |
// | `[[KATACODA_DOMAIN]]` (alone)                                             | `localhost`                 |
// | `[[HOST_IP]]`, `[[HOST1_IP]]`, `[[HOST2_IP]]`, … `[[CLIENT_IP]]`            | `127.0.0.1`                 |
// | `[[HOST_SUBDOMAIN]]`, `[[KATACODA_HOST]]` (alone)                          | `localhost`                 |
// | `[[CLIENT_SUBDOMAIN]]` (the client machine's, 35 times in the corpus): as `[[HOST_SUBDOMAIN]]` |          |
// | `{{TRAFFIC_HOST1_80}}`, `{{TRAFFIC_HOSTn_PORT}}`                           | `http://localhost:PORT`     |
// | `{{TRAFFIC_SELECTOR}}`                                                     | `http://localhost` + a notice naming the port to add |
//
// Every host is this machine, so HOST2 resolves like HOST1 (the terminals say so with a warning).

export interface ResolvedText {
  readonly text: string;
  /** The text linked to Katacoda's port selector, which has no local equivalent: the learner
   * should be told to open http://localhost:<port> (the caller says so, in the UI's language). */
  readonly portSelector: boolean;
}

const DOMAIN = String.raw`\.(?:environments\.katacoda\.com|\[\[KATACODA_DOMAIN\]\])`;
// The port as digits, or as a shell variable the command sets (`$INGRESS_PORT`, `${PORT}`).
const PROXY_URL = new RegExp(String.raw`(https?:\/\/)?\[\[(?:HOST\d*|CLIENT)_SUBDOMAIN\]\]-(\d+|\$\w+|\$\{\w+\})-\[\[KATACODA_HOST\]\]` + DOMAIN, 'g');
const SELECTOR_URL = new RegExp(String.raw`(https?:\/\/)?\[\[(?:HOST\d*|CLIENT)_SUBDOMAIN\]\]-\[\[KATACODA_HOST\]\]` + DOMAIN + String.raw`\/?`, 'g');
const LONE_DOMAIN = /\[\[KATACODA_DOMAIN\]\]/g;
const HOST_IP = /\[\[(?:HOST\d*|CLIENT)_IP\]\]/g;
const LONE_HOST = /\[\[(?:HOST\d*_SUBDOMAIN|CLIENT_SUBDOMAIN|KATACODA_HOST)\]\]/g;
const TRAFFIC_HOST = /\{\{TRAFFIC_HOST\d+_(\d+)\}\}/g;

/** Replace every known placeholder with its local equivalent. Unknown text is left as is. */
export function resolvePlaceholders(text: string): ResolvedText {
  if (!text.includes('[[') && !text.includes('{{')) return {text, portSelector: false};
  let selector = false;
  let out = text
    .replace(PROXY_URL, (_m, scheme: string | undefined, port: string) => (scheme ? `http://localhost:${port}` : `localhost:${port}`))
    .replace(SELECTOR_URL, () => {
      selector = true;
      return 'http://localhost';
    })
    .replace(HOST_IP, '127.0.0.1')
    .replace(LONE_HOST, 'localhost')
    .replace(LONE_DOMAIN, 'localhost')
    .replace(TRAFFIC_HOST, (_m, port: string) => `http://localhost:${port}`);
  if (out.includes('{{TRAFFIC_SELECTOR}}')) {
    selector = true;
    out = out.replaceAll('{{TRAFFIC_SELECTOR}}', 'http://localhost');
  }
  return {text: out, portSelector: selector};
}
