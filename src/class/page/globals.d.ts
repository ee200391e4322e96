// The page shares render/i18n.ts with the CLI, whose uiLanguage() defaults to `process.env` (never
// called in the browser; the bundle defines process.env.NODE_ENV only). This names that one
// global without giving the page the rest of Node's types.
declare const process: {readonly env: Readonly<Record<string, string | undefined>>};
