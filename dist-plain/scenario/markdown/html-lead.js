// HTML lines written straight above a `<details>` opener, as Killercoda authors often do:
//   <br>
//   <details><summary>Solution</summary>
// CommonMark makes that one HTML block up to the next blank line, so the `<details>` would be
// swallowed into it and never reach the details extension (its commands would be lost and the
// block reported as unclosed). This ends the HTML block just before the `<details>` line.
// An HTML block start (a tag or comment on its own line), then more non-blank lines, then a
// line that opens `<details>`. Lazy, so the block ends at the first such line.
const LEAD = /^(?: {0,3}<[/!?a-zA-Z][^\n]*\n)(?: {0,3}(?!<details[\s>])\S[^\n]*\n)*?(?= {0,3}<details[\s>])/i;
export const htmlLeadExtension = {
    name: 'katarunHtmlLead',
    level: 'block',
    tokenizer(src) {
        if (/^ {0,3}<details[\s>]/i.test(src))
            return undefined; // the details extension's job
        const m = LEAD.exec(src);
        if (!m)
            return undefined;
        return { type: 'html', block: true, pre: false, raw: m[0], text: m[0] };
    },
};
//# sourceMappingURL=html-lead.js.map