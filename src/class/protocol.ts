// The class protocol: what a learner's runner may send to the instructor's server, and the
// JSON schemas every request body is checked against (sizes, counts and types bounded), so
// the server never stores or shows anything it did not expect. Shared by server and client.

import AjvModule from 'ajv';
import type {ValidateFunction} from 'ajv';

/** Longest display name, FAIL line, step title; most steps, FAIL lines per check, events per batch. */
export const LIMITS = {
  name: 40,
  line: 300,
  title: 120,
  id: 80,
  steps: 60,
  lines: 5,
  batch: 200,
  checks: 30,
  /** Lines of shared terminal output (only when the learner turns sharing on). */
  terminalLines: 40,
  bodyBytes: 256 * 1024,
} as const;

export interface StepInfo {
  readonly title: string;
  /** The step's estimate, when the scenario gives one. */
  readonly estimateMin?: number;
}

export interface ReadinessCheck {
  readonly id: string;
  readonly ok: boolean;
  readonly severity: 'error' | 'warning';
  readonly detail: string;
}

/** What a learner shares, event by event. `step` numbers are 0-based; `at` is the learner's clock (ms). */
export type ClassEventBody =
  | {readonly type: 'step'; readonly step: number; readonly status: 'active' | 'passed' | 'failed' | 'not-run'}
  | {readonly type: 'check'; readonly step: number; readonly passed: boolean; readonly fail: readonly string[]; readonly expected?: string; readonly actual?: string}
  | {readonly type: 'hint'; readonly step: number}
  | {readonly type: 'solution'; readonly step: number}
  | {readonly type: 'hand'; readonly step: number; readonly up: boolean; readonly fail?: string}
  | {readonly type: 'ready'; readonly ready: boolean; readonly checks: readonly ReadinessCheck[]}
  | {readonly type: 'finish'}
  /** Only after the learner turned it on: the terminal's recent output; `sharing: false` ends it (and the server forgets it). */
  | {readonly type: 'terminal'; readonly sharing: boolean; readonly lines: readonly string[]};

export type ClassEvent = ClassEventBody & {readonly id: string; readonly at: number};

export interface JoinRequest {
  readonly code: string;
  readonly learner: string;
  readonly secret: string;
  readonly name: string;
  readonly scenario: {readonly id: string; readonly title: string};
  readonly steps: readonly StepInfo[];
}

export interface EventBatch {
  /** The learner's clock when the batch was sent: the server corrects each `at` by the offset. */
  readonly sentAt: number;
  readonly events: readonly ClassEvent[];
}

/** What the server tells a learner after each batch: the class's pace on the learner's step. */
export interface Pace {
  readonly step: number;
  readonly past: number;
  readonly total: number;
}

const str = (max: number, min = 0) => ({type: 'string', minLength: min, maxLength: max});
const stepNo = {type: 'integer', minimum: 0, maximum: LIMITS.steps - 1};
const lines = {type: 'array', maxItems: LIMITS.lines, items: str(LIMITS.line)};
const idPattern = {type: 'string', minLength: 1, maxLength: LIMITS.id, pattern: '^[A-Za-z0-9._:-]+$'};

const eventSchemas = [
  {properties: {type: {const: 'step'}, step: stepNo, status: {enum: ['active', 'passed', 'failed', 'not-run']}}, required: ['step', 'status']},
  {properties: {type: {const: 'check'}, step: stepNo, passed: {type: 'boolean'}, fail: lines, expected: str(LIMITS.line), actual: str(LIMITS.line)}, required: ['step', 'passed', 'fail']},
  {properties: {type: {const: 'hint'}, step: stepNo}, required: ['step']},
  {properties: {type: {const: 'solution'}, step: stepNo}, required: ['step']},
  {properties: {type: {const: 'hand'}, step: stepNo, up: {type: 'boolean'}, fail: str(LIMITS.line)}, required: ['step', 'up']},
  {
    properties: {
      type: {const: 'ready'},
      ready: {type: 'boolean'},
      checks: {
        type: 'array',
        maxItems: LIMITS.checks,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'ok', 'severity', 'detail'],
          properties: {id: str(LIMITS.id, 1), ok: {type: 'boolean'}, severity: {enum: ['error', 'warning']}, detail: str(LIMITS.line)},
        },
      },
    },
    required: ['ready', 'checks'],
  },
  {properties: {type: {const: 'finish'}}, required: []},
  {properties: {type: {const: 'terminal'}, sharing: {type: 'boolean'}, lines: {type: 'array', maxItems: LIMITS.terminalLines, items: str(LIMITS.line)}}, required: ['sharing', 'lines']},
].map((s) => ({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'at', 'type', ...s.required],
  properties: {id: idPattern, at: {type: 'number', minimum: 0}, ...s.properties},
}));

const batchSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['sentAt', 'events'],
  properties: {
    sentAt: {type: 'number', minimum: 0},
    events: {type: 'array', maxItems: LIMITS.batch, items: {type: 'object', required: ['type'], properties: {type: {type: 'string', maxLength: 20}}}},
  },
};

const joinSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'learner', 'secret', 'name', 'scenario', 'steps'],
  properties: {
    code: str(40, 1),
    learner: idPattern,
    secret: {type: 'string', minLength: 32, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$'},
    // Cut to LIMITS.name once escapes are removed (clean.ts); a raw name may carry some.
    name: str(LIMITS.name * 3, 1),
    scenario: {type: 'object', additionalProperties: false, required: ['id', 'title'], properties: {id: str(LIMITS.id, 1), title: str(LIMITS.title)}},
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.steps,
      items: {type: 'object', additionalProperties: false, required: ['title'], properties: {title: str(LIMITS.title), estimateMin: {type: 'number', minimum: 0, maximum: 24 * 60}}},
    },
  },
};

let compiled: {join: ValidateFunction; batch: ValidateFunction; events: Map<string, ValidateFunction>} | undefined;

function validators() {
  if (compiled) return compiled;
  const ajv = new AjvModule.default({allErrors: false, strict: false, logger: false});
  const events = new Map<string, ValidateFunction>();
  for (const schema of eventSchemas) events.set((schema.properties.type as {const: string}).const, ajv.compile(schema));
  compiled = {join: ajv.compile(joinSchema), batch: ajv.compile(batchSchema), events};
  return compiled;
}

function firstError(v: ValidateFunction, what: string): string {
  const e = v.errors?.[0];
  if (!e) return `${what} is not valid`;
  const where = e.instancePath ? `${what}${e.instancePath}` : what;
  const extra = e.keyword === 'additionalProperties' ? ` '${String((e.params as {additionalProperty?: string}).additionalProperty)}'` : '';
  return `${where} ${e.message ?? 'is not valid'}${extra}`;
}

export type Checked<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

export function checkJoin(body: unknown): Checked<JoinRequest> {
  const v = validators().join;
  return v(body) ? {ok: true, value: body as JoinRequest} : {ok: false, error: firstError(v, 'join')};
}

export function checkBatch(body: unknown): Checked<EventBatch> {
  const {batch, events} = validators();
  if (!batch(body)) return {ok: false, error: firstError(batch, 'batch')};
  const list = (body as {events: Array<{type: string}>}).events;
  for (let i = 0; i < list.length; i++) {
    const v = events.get(list[i]!.type);
    if (!v) return {ok: false, error: `batch/events/${i}/type '${list[i]!.type}' is not an event type`};
    if (!v(list[i])) return {ok: false, error: firstError(v, `batch/events/${i}`)};
  }
  return {ok: true, value: body as EventBatch};
}
