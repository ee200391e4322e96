// Small scenario models for tests that need no scenario folder: steps, actions and hints
// built in code, as the loader would produce them.

import type {Action, Check, Hint, Scenario, Step} from '../../src/scenario/model.js';

const src = (file = '/s/step.md', line = 1) => ({file, line});

export function exec(id: number, text: string, terminal: `T${number}` = 'T1', interrupt = false): Action {
  return {id, text, kind: 'exec', terminal, interrupt, ctrlSeq: false, noNewline: false, source: src(), context: 'body', block: false};
}
export function copy(id: number, text: string): Action {
  return {id, text, kind: 'copy', source: src(), context: 'body', block: false};
}

export function step(index: number, title: string, body: string, actions: Action[], extra: Partial<Step> = {}): Step {
  return {kind: 'step', index, title, body, textFile: `/s/step${index + 1}.md`, actions, quizzes: [], images: [], hints: [], ...extra};
}

export function scenario(steps: Step[], extra: Partial<Scenario> = {}): Scenario {
  return {
    id: 'demo',
    title: 'Demo tutorial',
    description: 'A scenario for tests.',
    difficulty: 'beginner',
    time: '5 minutes',
    lang: 'en',
    languages: ['en', 'ru'],
    dir: '/s',
    indexFile: '/s/index.json',
    intro: {kind: 'intro', title: 'Intro', body: 'Welcome to **the demo**.', textFile: '/s/intro.md', actions: [], quizzes: [], images: []},
    steps,
    finish: {kind: 'finish', title: 'Finish', body: 'All done, well played.', textFile: '/s/finish.md', actions: [], quizzes: [], images: []},
    assets: [],
    environment: {kind: 'bash', tools: [], terminals: []},
    contentHash: 'x',
    diagnostics: [],
    ...extra,
  };
}

export const hint = (text: string): Hint => ({text, source: src()});

export function file(id: number, path: string, text: string): Action {
  return {id, text, kind: 'file', path, mode: 'replace', source: src(), context: 'body', block: true};
}

/** A step check whose script the fake shell port answers (FakeShellPort.checks). */
export function check(path = '/s/verify.sh'): Check {
  return {script: {role: 'verify', path, language: 'bash', source: {file: '/s/index.json', line: 1}}, timeoutMs: 60_000, intervalMs: 200, rule: 'exit'};
}
