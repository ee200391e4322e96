// Paths of the test fixtures, shared by the scenario tests.
import {fileURLToPath} from 'node:url';
import {join} from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = join(repoRoot, 'test', 'fixtures', 'scenarios');
export const fixture = (name: string): string => join(fixtures, name);
