// How katarun's own markdown constructs look in a terminal: the renderers for the token types
// the scenario layer's tokenizers produce (actions, fenced action blocks, file blocks, quizzes),
// and collapsed <details> hint/solution blocks. The render layer knows these tokens only by
// their shape, so it does not depend on the scenario layer.

import type {RendererExtension, Token, Tokens} from 'marked';

/** Words the labels use, in the UI's language. */
export interface ActionLabels {
  readonly run: string;
  readonly copy: string;
  readonly open: string;
  readonly write: string;
  /** e.g. "Hint — press h" */
  readonly hint: string;
  /** e.g. "Solution — press a" */
  readonly solution: string;
  readonly image: string;
  /** Names the scenario gave its terminals ("T2" → "Stats"), shown beside the terminal. */
  readonly terminalNames?: Readonly<Record<string, string>>;
}

export const englishLabels: ActionLabels = {
  run: 'run',
  copy: 'copy',
  open: 'open',
  write: 'write',
  hint: 'Hint — press h',
  solution: 'Solution — press a',
  image: 'image',
};

// A no-break space: marked-terminal's reflow breaks lines only at ordinary spaces, so a label
// joined with it never ends up alone at the start of the next line.
export const NBSP = '\u00a0';

/** The model action a token carries (stamped by the scenario layer's lexPage). */
interface CarriedAction {
  readonly id?: number;
  readonly kind?: string;
  readonly terminal?: string;
  readonly interrupt?: boolean;
  readonly path?: string;
  readonly mode?: string;
}

interface ActionLike {
  readonly action?: CarriedAction;
  readonly actionId?: number;
  /** What the braces asked for (`exec`, `copy`, `open`, `none`), when no action is attached. */
  readonly verb?: string;
  readonly kind?: string;
  readonly text?: string;
  readonly terminal?: string;
  readonly interrupt?: boolean;
  readonly lang?: string;
  readonly filename?: string;
  readonly target?: string;
}

type Styles = {
  readonly code: (s: string) => string;
  readonly label: (s: string) => string;
  readonly dim: (s: string) => string;
};

/** `[1 ▶ run]`, `[2 ⧉ copy]`, `[3 ▶ run · T2]` — joined by NBSPs so reflow keeps it whole. */
export function actionLabel(token: ActionLike, labels: ActionLabels): string | undefined {
  const action = token.action;
  const id = token.actionId ?? action?.id;
  const kind = action?.kind ?? token.kind ?? token.verb ?? 'exec';
  if (id === undefined || kind === 'none' || kind === 'unknown') return undefined;
  const verb =
    kind === 'copy' ? `⧉ ${labels.copy}` : kind === 'open' ? `↗ ${labels.open}` : kind === 'file' ? `✎ ${labels.write}` : `▶ ${labels.run}`;
  const terminal = action?.terminal ?? token.terminal;
  const name = terminal ? labels.terminalNames?.[terminal] : undefined;
  const where = kind === 'exec' && terminal && terminal !== 'T1' ? ` · ${terminal}${name ? ` ${name}` : ''}` : '';
  const interrupt = kind === 'exec' && (action?.interrupt ?? token.interrupt) ? ' · ^C' : '';
  return `[${id} ${verb}${where}${interrupt}]`.replace(/ /g, NBSP);
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

export function katarunRenderers(labels: ActionLabels, styles: Styles): RendererExtension[] {
  const inlineAction: RendererExtension = {
    name: 'katarunAction',
    renderer(token) {
      const t = token as ActionLike;
      const label = actionLabel(t, labels);
      const code = styles.code(t.text ?? '');
      return label ? `${code}${NBSP}${styles.label(label)}` : code;
    },
  };
  const block = (name: string): RendererExtension => ({
    name,
    renderer(token) {
      const t = token as ActionLike;
      const lang = t.lang?.trim() || (name === 'katarunFile' ? undefined : 'bash');
      const code = this.parser.renderer.code({type: 'code', raw: t.text ?? '', text: (t.text ?? '').replace(/\n$/, ''), lang} as Tokens.Code);
      const label = actionLabel(t, labels);
      const path = t.action?.path ?? t.filename;
      const mode = t.action?.mode ?? (name === 'katarunFile' ? t.target : undefined);
      const file = path ? ` ${styles.dim(`→ ${path}${mode ? ` (${mode})` : ''}`)}` : '';
      return label ? `${code.replace(/\n+$/, '\n')}  ${styles.label(label)}${file}\n\n` : code;
    },
  });
  const quiz: RendererExtension = {
    name: 'katarunQuiz',
    renderer(token) {
      const t = token as {question?: string; options?: readonly string[]; kind?: string};
      const lines = [`? ${t.question ?? ''}`];
      if (t.kind === 'single' || t.kind === 'multiple') {
        for (const option of t.options ?? []) lines.push(`  ${t.kind === 'single' ? '○' : '☐'} ${option}`);
      } else {
        lines.push('  > ____');
      }
      return `${lines.join('\n')}\n\n`;
    },
  };
  const collapsed: RendererExtension = {
    name: 'katarunCollapsed',
    renderer(token) {
      const t = token as {kind?: string; summary?: string};
      return collapsedLine(t.kind === 'solution' ? 'solution' : 'hint', t.summary);
    },
  };
  // A collapsed hint or solution keeps the author's own title when it has one ("Tip 2").
  const collapsedLine = (role: 'hint' | 'solution', summary: string | undefined): string => {
    const label = role === 'solution' ? labels.solution : labels.hint;
    const title = (summary ?? '').replace(/<[^>]*>/g, '').trim();
    const own = title !== '' && !label.toLowerCase().startsWith(title.toLowerCase());
    return `${styles.dim(`▸ ${own ? `${title} (${label})` : label}`)}\n\n`;
  };
  // The scenario layer's <details> token: hints and solutions stay collapsed (h and a open
  // them); any other <details> is shown open, because its commands are part of the step.
  const details: RendererExtension = {
    name: 'katarunDetails',
    renderer(token) {
      const t = token as {role?: string; summary?: string; tokens?: Token[]};
      if (t.role === 'hint' || t.role === 'solution') return collapsedLine(t.role, t.summary);
      const summary = t.summary ? `▾ ${t.summary.replace(/<[^>]*>/g, '').trim()}\n\n` : '';
      return summary + this.parser.parse(t.tokens ?? []);
    },
  };
  return [inlineAction, block('katarunBlock'), block('katarunFile'), quiz, collapsed, details];
}

const SOLUTION_SUMMARY = /solution|answer|решени|ответ/i;

/**
 * `<details>` blocks (hints and solutions) are shown collapsed: a block-level html token that
 * opens one swallows every token up to the one that closes it, replaced by one marker token.
 */
export function collapseDetails(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'html' || !/<details[\s>]/i.test(token.raw)) {
      out.push(token);
      continue;
    }
    let j = i;
    while (j < tokens.length && !/<\/details>/i.test(tokens[j]!.raw)) j++;
    const raw = tokens.slice(i, j + 1).map((t) => t.raw).join('');
    const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(raw)?.[1] ?? '';
    const kind = SOLUTION_SUMMARY.test(summary) ? 'solution' : 'hint';
    out.push({type: 'katarunCollapsed', raw: '', kind, summary} as unknown as Token);
    i = Math.min(j, tokens.length - 1);
  }
  return out;
}
