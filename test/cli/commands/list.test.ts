import {rmSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt, katarun, repoRoot, tempHome} from './built-cli.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => rmSync(tempHome, {recursive: true, force: true}));

describe('katarun list (built CLI)', () => {
  it('shows the bundled scenarios in a table', () => {
    const r = katarun(['list']);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toMatch(/^ID\s+TITLE\s+DIFFICULTY\s+TIME\s+STEPS\s+LANGUAGES\s+FROM$/);
    expect(rows.find((l) => l.startsWith('basics '))).toMatch(/katarun basics\s+beginner\s+5 min\s+4\s+en, ru\s+bundled$/);
  });

  it('adds the scenarios of a folder, as JSON too', () => {
    const r = katarun(['list', join('test', 'fixtures', 'scenarios'), '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {id: string; origin: string; steps: number; languages: string[]}[];
    expect(list.find((s) => s.id === 'basics')?.origin).toBe('bundled');
    expect(list.find((s) => s.id === 'translated')).toMatchObject({origin: 'local', steps: 1, languages: ['en', 'de']});
  });

  it('works from any folder (the bundled folder is found from the install)', () => {
    const r = katarun(['list', '--format', 'json'], tempHome);
    expect(JSON.parse(r.stdout).map((s: {id: string}) => s.id)).toContain('basics');
    expect(repoRoot).not.toBe(tempHome);
  });

  it('rejects a folder that does not exist with exit 2', () => {
    const r = katarun(['list', 'no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^katarun: error: list: no\/such\/dir: no such folder/);
  });
});
