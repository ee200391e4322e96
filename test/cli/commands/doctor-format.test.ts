// `katarun doctor`'s human report around the checks: its own words (fix:, ready, not ready)
// in the chosen language, English as it always was; the checks' ids and texts pass through.
import {describe, expect, it} from 'vitest';
import {formatHuman, type ScenarioDoctorResult} from '../../../src/cli/commands/doctor.js';
import {translator} from '../../../src/render/i18n.js';

const result = (problems: number): ScenarioDoctorResult => ({
  id: 'lab',
  title: 'Lab',
  environment: 'kind',
  report: {
    ready: problems === 0,
    checks: [
      {id: 'tool:bash', ok: true, severity: 'error', detail: 'bash at /bin/bash'},
      ...Array.from({length: problems}, (_, i) => ({id: `port:${8080 + i}`, ok: false, severity: 'error' as const, detail: 'busy', fix: 'free it'})),
    ],
  },
});

describe('doctor human report', () => {
  it('English, word for word', () => {
    expect(formatHuman([result(2)], translator('en'))).toBe(
      ['lab — Lab (kind)', '  ✔ tool:bash  bash at /bin/bash', '  ✖ port:8080  busy', '               fix: free it', '  ✖ port:8081  busy', '               fix: free it', '  not ready: 2 problems to fix', '', ''].join('\n'),
    );
    expect(formatHuman([result(1)], translator('en'))).toContain('  not ready: 1 problem to fix\n');
    expect(formatHuman([result(0)], translator('en'))).toContain('  ready\n');
  });

  it('Russian', () => {
    const text = formatHuman([result(2)], translator('ru'));
    expect(text).toContain('\n               исправить: free it\n');
    expect(text).toContain('  не готово: 2 проблемы\n');
    expect(formatHuman([result(1)], translator('ru'))).toContain('  не готово: 1 проблема\n');
    expect(formatHuman([result(0)], translator('ru'))).toContain('  готово\n');
  });
});
