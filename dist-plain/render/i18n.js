// katarun's own words: chooses the UI language (--lang, then LC_ALL / LC_MESSAGES / LANG) and turns
// message codes into sentences. Scenario content has its own translations; this covers only katarun's.
//
// Below `ui/` and `headless/` nothing builds a sentence: the engine, the shell and the scenario
// loader hand up a `Message` (a code and its parameters, where a parameter may be another
// message), and the edges translate it here. A language is one file, `strings-<code>.ts` beside
// this one (scripts/locales.mjs lists them in locales.generated.ts at build time); its plural
// forms follow `Intl.PluralRules` for its code and its numbers `Intl.NumberFormat`.
import { en } from './strings-en.js';
import { bundledLocales } from './locales.generated.js';
export function message(code, params) {
    return params ? { code, params } : { code };
}
export function isMessage(value) {
    return typeof value === 'object' && value !== null && typeof value.code === 'string';
}
const locales = new Map([['en', { code: 'en', strings: en }]]);
for (const locale of bundledLocales)
    registerLocale(locale);
/** Adds (or replaces) a language; `uiLanguage` and `translator` know it from then on. */
export function registerLocale(locale) {
    locales.set(locale.code.toLowerCase(), locale);
}
export function registeredLanguages() {
    return [...locales.values()].map((l) => l.code);
}
/** `ru_RU.UTF-8` → `ru`; `pt_BR` → `pt-BR` when registered, else `pt`; `C`, `POSIX` and unknown → `en`. */
export function uiLanguage(flag, env = process.env) {
    // POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG; empty values don't count.
    const raw = (flag || env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
    const [tag = ''] = raw.split(/[.@]/);
    const [language = '', region] = tag.split(/[_-]/);
    return (region && locales.get(`${language}-${region}`)?.code) || locales.get(language)?.code || 'en';
}
const PARAM = /\{(\w+)\}/g;
export function translator(lang) {
    const locale = locales.get(lang.toLowerCase()) ?? locales.get('en');
    const plurals = new Intl.PluralRules(locale.code);
    const numbers = new Intl.NumberFormat(locale.code);
    const formatNumber = (n, options) => options ? new Intl.NumberFormat(locale.code, options).format(n) : numbers.format(n);
    const fill = (key, params) => {
        const template = locale.strings[key] ?? en[key];
        const text = typeof template === 'string' ? template : pluralForm(template, params, plurals);
        if (!params)
            return text;
        return text.replace(PARAM, (whole, name) => {
            const value = params[name];
            if (value === undefined)
                return whole;
            if (typeof value === 'number')
                return formatNumber(value);
            return typeof value === 'string' ? value : fill(value.code, value.params);
        });
    };
    const t = ((key, params) => typeof key === 'string' ? fill(key, params) : fill(key.code, { ...key.params, ...params }));
    return Object.assign(t, { lang: locale.code, number: formatNumber });
}
/** A plural entry chooses its form by the parameter `n` (the count it is about). */
function pluralForm(forms, params, rules) {
    const n = params?.n;
    if (typeof n !== 'number')
        return forms.other;
    return forms[rules.select(n)] ?? forms.other;
}
//# sourceMappingURL=i18n.js.map