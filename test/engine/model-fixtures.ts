// Hand-built scenario models for unit tests of the engine's pure parts (no loader needed).
import type {Action, Check, ExecAction, Scenario, Script, Step} from '../../src/scenario/model.js';

const src = {file: '/scenario/step.md', line: 1};

export function exec(id: number, text: string, extra: Partial<ExecAction> = {}): ExecAction {
  return {kind: 'exec', id, text, source: src, context: 'body', block: false, terminal: 'T1', interrupt: false, ctrlSeq: false, noNewline: false, ...extra};
}

export function script(path: string, role: Script['role'] = 'verify'): Script {
  return {role, path, language: path.endsWith('.mjs') || path.endsWith('.js') ? 'zx' : 'bash', source: src};
}

export function check(path: string, extra: Partial<Check> = {}): Check {
  return {script: script(path), timeoutMs: 2000, intervalMs: 50, rule: 'exit', ...extra};
}

export function step(index: number, actions: Action[] = [], extra: Partial<Step> = {}): Step {
  return {kind: 'step', index, title: `Step ${index + 1}`, body: '', actions, quizzes: [], images: [], hints: [], ...extra};
}

export function scenario(steps: Step[], extra: Partial<Scenario> = {}): Scenario {
  return {
    id: 'unit',
    title: 'Unit',
    description: '',
    lang: 'en',
    languages: ['en'],
    dir: '/scenario',
    indexFile: '/scenario/index.json',
    steps,
    assets: [],
    environment: {kind: 'bash', tools: [], terminals: []},
    contentHash: 'hash-1',
    diagnostics: [],
    ...extra,
  };
}
