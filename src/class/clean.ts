// What a learner sends is stored and shown as plain one-line text: terminal escapes and control
// characters are removed on arrival (the page escapes HTML again when it renders; the terminal
// board sanitises again when it prints), so no consumer has to trust the other.

import {sanitizeText} from '../render/sanitize.js';
import {LIMITS, type ClassEvent, type JoinRequest} from './protocol.js';

export function oneLine(text: string): string {
  return sanitizeText(text).replace(/[\n\t]+/g, ' ').trim();
}

export function cleanJoin(j: JoinRequest): JoinRequest {
  return {
    ...j,
    name: Array.from(oneLine(j.name)).slice(0, LIMITS.name).join('') || '?',
    scenario: {id: oneLine(j.scenario.id), title: oneLine(j.scenario.title)},
    steps: j.steps.map((s) => ({...s, title: oneLine(s.title)})),
  };
}

export function cleanEvent(e: ClassEvent): ClassEvent {
  switch (e.type) {
    case 'check':
      return {
        ...e,
        fail: e.fail.map(oneLine),
        ...(e.expected !== undefined ? {expected: oneLine(e.expected)} : {}),
        ...(e.actual !== undefined ? {actual: oneLine(e.actual)} : {}),
      };
    case 'hand':
      return e.fail !== undefined ? {...e, fail: oneLine(e.fail)} : e;
    case 'terminal':
      // Lines, each one line of plain text; nothing kept once sharing is off.
      return {...e, lines: e.sharing ? e.lines.map(oneLine) : []};
    case 'ready':
      return {...e, checks: e.checks.map((c) => ({...c, id: oneLine(c.id), detail: oneLine(c.detail)}))};
    default:
      return e;
  }
}
