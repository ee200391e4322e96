// The live part of the intro (title, description and intro text are in <Static>): what the
// scenario needs and whether this machine has it, the resume offer, and the keys.

import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import type {PreflightReport} from '../engine/environment/types.js';
import type {Translate} from '../render/i18n.js';
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
  const fixed = 3 + (tools ? 1 : 0) + (session.resumeStep ? 2 : 0) + (message ? 1 : 0);
  const room = Math.max(0, rows - 1 - fixed);
  // Each failed check wraps (a fix is a command to copy: cutting it off makes it useless); they
  // are shown while their rows fit, so the live region stays shorter than the terminal.
  const width = Math.max(10, columns - 2);
  const shownChecks: typeof failed = [];
  let used = 0;
  for (const check of failed) {
    const text = `✘ ${check.id}: ${check.detail}${check.fix ? ` — ${check.fix}` : ''}`;
    const need = Math.ceil(Array.from(text).length / width) + 1;
    if (used + need > room) break;
    shownChecks.push(check);
    used += need;
  }
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
            {check.severity === 'error' ? '✘' : '!'} {sanitizeText(check.id)}: {sanitizeText(check.detail)}
            {check.fix ? <Text dimColor> — {sanitizeText(check.fix)}</Text> : null}
          </Text>
        </Box>
      ))}
      {shownChecks.length < failed.length ? <Text dimColor>{`  … ${t('intro.moreChecks', {n: failed.length - shownChecks.length})}`}</Text> : null}
      {session.resumeStep ? (
        <>
          <Text wrap="truncate-end" color="cyan">
            {t('resume.ask', {step: session.resumeStep + 1, total: session.scenario.steps.length})} {t('resume.continue', {step: session.resumeStep + 1})}
          </Text>
          <Text wrap="truncate-end" color="cyan">
            {t('resume.over')}
          </Text>
        </>
      ) : null}
      {starting ? <Text dimColor>… {t('intro.starting')}</Text> : <KeyHints text={keys ?? t('intro.keys')} ask={keys !== undefined} />}
      <MessageLine message={message} />
    </Box>
  );
}
