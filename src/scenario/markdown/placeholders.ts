// Katacoda/Killercoda placeholders that stand for "this machine" in the browser platforms.
// They stay in the text; the engine resolves them at run time. Anything else in the same
// shape is reported, because a learner would otherwise see it verbatim.

export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^\[\[HOST\d*_IP\]\]$/,
  /^\[\[HOST\d*_SUBDOMAIN\]\]$/,
  /^\[\[CLIENT_(?:SUBDOMAIN|IP)\]\]$/,
  /^\[\[KATACODA_HOST\]\]$/,
  /^\[\[KATACODA_DOMAIN\]\]$/,
  /^\{\{TRAFFIC_HOST\d+_\d+\}\}$/,
  /^\{\{TRAFFIC_SELECTOR\}\}$/,
];

export interface PlaceholderHit {
  readonly text: string;
  readonly offset: number;
  readonly known: boolean;
}

const CANDIDATE = /\[\[\s*([A-Z][A-Z0-9_]*)\s*\]\]|\{\{\s*([A-Z][A-Z0-9_]*)\s*\}\}/g;

export const isKnownPlaceholder = (text: string): boolean => PLACEHOLDER_PATTERNS.some((re) => re.test(text));

/** Every `[[NAME]]` / `{{NAME}}` (upper-case names only: `{{ .Values }}` in a Helm chart is not ours). */
export function findPlaceholders(source: string): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  for (const m of source.matchAll(CANDIDATE)) {
    if (m[2] && /^(EXECUTE|EXEC|COPY|OPEN)$/.test(m[2])) continue; // an action marker, not a placeholder
    hits.push({text: m[0], offset: m.index, known: isKnownPlaceholder(m[0].replace(/\s+/g, ''))});
  }
  return hits;
}
