import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {bundledScenariosDir} from '../../src/scenario/bundled.js';
import {discoverScenarios, scenarioDirsIn} from '../../src/scenario/discover.js';
import {fixture, fixtures, repoRoot} from './fixtures.js';

describe('discoverScenarios', () => {
  it('finds the bundled folder from the module location', () => {
    expect(bundledScenariosDir()).toBe(join(repoRoot, 'scenarios'));
    expect(existsSync(join(bundledScenariosDir(), 'basics', 'index.json'))).toBe(true);
  });

  it('summarises each scenario once, skipping translation folders, and keeps unreadable ones', async () => {
    const list = await discoverScenarios([bundledScenariosDir(), fixtures, join(repoRoot, 'scenarios')]);
    const ids = list.map((s) => s.id);
    expect(ids.filter((id) => id === 'basics')).toHaveLength(1);
    expect(ids).not.toContain('_de');
    const basics = list.find((s) => s.id === 'basics')!;
    expect(basics).toMatchObject({origin: 'bundled', title: 'katarun basics', steps: 4, languages: ['en', 'ru'], timeMinutes: 5});
    expect(list.find((s) => s.id === 'translated')).toMatchObject({origin: 'local', languages: ['en', 'de'], steps: 1});
    expect(list.find((s) => s.id === 'broken-json')!.problem).toMatch(/index\.json:4:3: error: invalid JSON/);
  });

  it('treats a scenario folder itself as one scenario', () => {
    expect(scenarioDirsIn(fixture('challenge'))).toEqual([fixture('challenge')]);
    expect(scenarioDirsIn(join(fixtures, 'no-such-folder'))).toEqual([]);
  });
});
