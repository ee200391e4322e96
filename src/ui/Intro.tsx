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
  readonly starting: boolean;
  readonly message?: UiMessage;
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

export function Intro({session, rows, starting, message, t}: IntroProps) {
  const report = usePreflight(session);
  const env = session.scenario.environment;
  const needs = env.kind === 'kind' ? t('intro.kind', {name: env.cluster?.name ?? 'kind'}) : t('intro.bashOnly');
  const tools = env.tools.map((tool) => `${tool.name}${tool.range ? ` ${tool.range}` : ''}`).join(', ');
  const failed = report && report !== 'checking' ? report.checks.filter((c) => !c.ok) : [];
  // Rows: needs, status, resume (2), keys, message; failed checks get what is left.
  const fixed = 3 + (tools ? 1 : 0) + (session.resumeStep ? 2 : 0) + (message ? 1 : 0);
  const room = Math.max(0, rows - 1 - fixed);
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
      {failed.slice(0, room).map((check) => (
        <Text key={check.id} wrap="truncate-end" color={check.severity === 'error' ? 'red' : 'yellow'}>
          {'  '}
          {check.severity === 'error' ? '✘' : '!'} {sanitizeText(check.id)}: {sanitizeText(check.detail)}
          {check.fix ? <Text dimColor> — {sanitizeText(check.fix)}</Text> : null}
        </Text>
      ))}
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
      {starting ? <Text dimColor>… {t('intro.starting')}</Text> : <KeyHints text={t('intro.keys')} />}
      <MessageLine message={message} />
    </Box>
  );
}
