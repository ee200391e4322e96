// Runs the compiled CLI the way a user does, with XDG folders in a temp dir. Builds dist/
// first when it is missing or older than the sources these tests are about.
import {execSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cli = join(repoRoot, 'dist', 'cli', 'main.js');

const SOURCES = ['cli/commands/validate.ts', 'cli/commands/list.ts', 'scenario/load-scenario.ts', 'scenario/validate.ts', 'scenario/discover.ts'];

export function ensureBuilt(): void {
  const stale = SOURCES.some((s) => {
    const out = join(repoRoot, 'dist', s.replace(/\.ts$/, '.js'));
    return !existsSync(out) || statSync(out).mtimeMs < statSync(join(repoRoot, 'src', s)).mtimeMs;
  });
  if (!existsSync(cli) || stale) {
    // Other parts of the tree may be mid-edit; tsc still writes what compiles.
    try {
      execSync('npx tsc -p tsconfig.json', {cwd: repoRoot, stdio: 'ignore'});
    } catch {
      // type errors elsewhere: checked below by the presence of the entry point
    }
  }
  if (!existsSync(cli)) throw new Error('dist/cli/main.js was not built');
}

const home = mkdtempSync(join(tmpdir(), 'katarun-cli-'));

/** Runs the CLI in English unless `env` says otherwise (the machine's own locale does not leak in). */
export function katarun(args: readonly string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): {code: number | null; stdout: string; stderr: string} {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), CI: '1', ...env},
    timeout: 60_000,
  });
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

export const tempHome = home;
