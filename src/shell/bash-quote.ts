// The one way katarun puts a value into a bash command line: single quotes, with each `'` as
// `'\''`, so nothing inside is expanded (paths, env values, script names from a scenario).

/** `it's` → `'it'\''s'`. */
export function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
