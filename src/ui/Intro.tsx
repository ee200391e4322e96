// The live part of the intro (title, description and intro text are in <Static>): what the
// scenario needs and whether this machine has it, the resume offer, and the keys.

import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import type {PreflightReport} from '../engine/environment/types.js';
import {say, type Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import {KeyHints, MessageLine} from './KeyHints.js';
import type {ScenarioSession} from './session.js';
import type {UiMessage} from './ui-state.js';

export interface IntroProps {
  readonly session: ScenarioSession;
  readonly rows: number;
  /** Columns of the terminal: a failed check's fix wraps onto as many rows as it needs. */
  readonly columns?: number;
  readonly starting: boolean;
  readonly message?: UiMessage;
  /** The keys line when a question is asked (its y/n), instead of the intro's own. */
  readonly keys?: string;
  readonly t: Translate;
}

function usePreflight(session: ScenarioSession): PreflightReport | 'checking' | undefined {
  const [report, setReport] = useState<PreflightReport | 'checking' | undefined>(session.preflight ? 'checking' : undefined);
  useEffect(() => {
    let live = true;
    session.preflight?.().then(
      (r) => live && setReport(r),
      () => live && setReport(undefined),
    );
    return () => {
      live = false;
    };
  }, [session]);
  return report;
}

export function Intro({session, rows, columns = 80, starting, message, keys, t}: IntroProps) {
  const report = usePreflight(session);
  const env = session.scenario.environment;
  const needs = env.kind === 'kind' ? t('intro.kind', {name: env.cluster?.name ?? 'kind'}) : t('intro.bashOnly');
  const tools = env.tools.map((tool) => `${tool.name}${tool.range ? ` ${tool.range}` : ''}`).join(', ');
  const failed = report && report !== 'checking' ? report.checks.filter((c) => !c.ok) : [];
  // Rows: needs, status, resume (2), keys, message; failed checks get what is left.
  const fixed = 3 + (tools ? 1 : 0) + (session.finished ? 3 : session.resumeStep ? 2 : 0) + (message ? 1 : 0);
  const room = Math.max(0, rows - 1 - fixed);
  // Each failed check wraps (a fix is a command to copy: cutting it off makes it useless); they
  // are shown while their rows fit, so the live region stays shorter than the terminal.
  const width = Math.max(10, columns - 2);
  const shownChecks: typeof failed = [];
  let used = 0;
  for (const check of failed) {
    const text = `✘ ${check.id}: ${say(t, check.detail)}${check.fix ? ` — ${say(t, check.fix)}` : ''}`;
    const need = Math.ceil(Array.from(text).length / width) + 1;
    if (used + need > room) break;
    shownChecks.push(check);
    used += need;
  }
  // What the keys line offers: a finished scenario is reviewed or started over; a machine that
  // is not ready cannot start, but its steps can be read.
  const notReady = report !== undefined && report !== 'checking' && !report.ready;
  const ownKeys = session.finished ? t('intro.keysFinished') : notReady ? t('intro.keysNotReady') : t('intro.keys');
  const status =
    report === 'checking' ? (
      <Text dimColor>… {t('intro.checking')}</Text>
    ) : report ? (
      report.ready ? <Text color="green">✔ {t('intro.ready')}</Text> : <Text color="red">✘ {t('intro.notReady')}</Text>
    ) : null;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{t('intro.needs')}:</Text> {needs}
        {status ? ' · ' : ''}
        {status}
      </Text>
      {tools ? (
        <Text wrap="truncate-end" dimColor>
          {'  '}
          {tools}
        </Text>
      ) : null}
      {shownChecks.map((check) => (
        <Box key={check.id} paddingLeft={2}>
          <Text wrap="wrap" color={check.severity === 'error' ? 'red' : 'yellow'}>
            {check.severity === 'error' ? '✘' : '!'} {sanitizeText(check.id)}: {sanitizeText(say(t, check.detail))}
            {check.fix ? <Text dimColor> — {sanitizeText(say(t, check.fix))}</Text> : null}
          </Text>
        </Box>
      ))}
      {shownChecks.length < failed.length ? <Text dimColor>{`  … ${t('intro.moreChecks', {n: failed.length - shownChecks.length})}`}</Text> : null}
      {session.finished ? (
        <>
          <Text wrap="truncate-end" color="green">
            ✔ {t('finished.done', {n: session.scenario.steps.length})}
          </Text>
          <Text wrap="truncate-end" color="cyan">
            {t('finished.review')}
          </Text>
          <Text wrap="truncate-end" color="cyan">
            {t('finished.over')}
          </Text>
        </>
      ) : session.resumeStep ? (
        <>
          <Text wrap="truncate-end" color="cyan">
            {t('resume.ask', {step: session.resumeStep + 1, total: session.scenario.steps.length})} {t('resume.continue', {step: session.resumeStep + 1})}
          </Text>
          <Text wrap="truncate-end" color="cyan">
            {t('resume.over')}
          </Text>
        </>
      ) : null}
      {starting ? <Text dimColor>… {t('intro.starting')}</Text> : <KeyHints text={keys ?? ownKeys} ask={keys !== undefined} />}
      <MessageLine message={message} />
    </Box>
  );
}
