// The board page in a real browser (Debian's chromium, driven by playwright-core): learners join,
// the board updates live, a raised hand appears and sorts first, a name holding <script> shows
// as text, the projector view, the CSV export downloads, and the page fetches nothing from
// anywhere but the class server.
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {chromium, type BrowserContext} from 'playwright-core';
import {ensureBuilt, repoRoot} from '../cli/commands/built-cli.js';
import {ClassClient} from '../../src/class/client.js';
import {tempDir, waitFor} from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);

interface Server {
  port: number;
  store: {identity: {joinCode: string; token: string}};
  close(): Promise<void>;
}

let server: Server;
let browser: BrowserContext;
const clients: ClassClient[] = [];

function learner(name: string, scenario = {id: 'basics', title: 'katarun basics'}): ClassClient {
  const c = new ClassClient({
    target: {base: `http://127.0.0.1:${server.port}`, code: server.store.identity.joinCode},
    name,
    scenario,
    steps: [{title: 'Run a command', estimateMin: 1}, {title: 'Exports and folders carry over', estimateMin: 1}, {title: 'A check gates the next step', estimateMin: 1}],
    dir: tempDir(),
    heartbeatMs: 500,
  });
  c.start();
  clients.push(c);
  return c;
}

// Skipped only where Debian's chromium is not installed (.ci/run installs it, so CI runs this).
describe.skipIf(!haveChromium)(`the board page in chromium${haveChromium ? '' : ` (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`}`, () => {
  beforeAll(async () => {
    ensureBuilt();
    if (!existsSync(join(repoRoot, 'dist', 'class', 'board', 'board.js'))) throw new Error("dist/class/board/board.js is missing: run 'npm run build'");
    const {startClassServer} = (await import(join(repoRoot, 'dist', 'class', 'server.js'))) as {startClassServer: (o: object) => Promise<Server>};
    server = await startClassServer({stateDir: tempDir(), port: 0, host: '127.0.0.1'});
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'katarun-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      viewport: {width: 1400, height: 900},
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('updates live, shows a raised hand first, keeps names as text, and exports CSV', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/board#token=${server.store.identity.token}`);
    await page.getByText('No learner has joined yet').waitFor({timeout: 15_000});
    // The token leaves the address bar (a projector must not show it).
    expect(page.url()).toBe(`${base}/board`);

    const ada = learner('Ada');
    const evil = learner('<script>window.pwned=1</script><img src=x onerror="window.pwned=2">');
    ada.send({type: 'step', step: 0, status: 'active'});
    ada.send({type: 'step', step: 0, status: 'passed'});
    ada.send({type: 'step', step: 1, status: 'active'});
    ada.send({type: 'check', step: 1, passed: false, fail: ['KATARUN_GREETING is not set'], expected: 'hello', actual: ''});
    evil.send({type: 'step', step: 0, status: 'active'});

    await page.locator('tr', {hasText: 'Ada'}).getByText('FAIL: KATARUN_GREETING is not set').waitFor({timeout: 15_000});
    await page.getByText('1× FAIL: KATARUN_GREETING is not set').waitFor();
    const evilRow = page.locator('td.name', {hasText: '<script>window.pwned=1</script>'});
    await evilRow.waitFor();
    expect(await page.evaluate(() => (window as unknown as {pwned?: number}).pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);

    // A raised hand appears and puts its learner first.
    evil.send({type: 'hand', step: 0, up: true, fail: 'nothing printed'});
    await page.locator('tbody tr').first().getByText('hand up · step 1').waitFor({timeout: 15_000});
    expect(await page.locator('tbody tr').first().locator('td.name').textContent()).toContain('<script>');
    await page.getByText('1 hand up').waitFor();

    // The projector view: the join command, the hands, no token.
    await page.getByRole('button', {name: 'Projector view'}).click();
    await page.locator('.p-join').getByText(`/j/${server.store.identity.joinCode}`).waitFor();
    await page.locator('.p-help').getByText('Hands up (1)').waitFor();
    expect(await page.content()).not.toContain(server.store.identity.token);
    await page.getByRole('button', {name: 'Detail view'}).click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', {name: 'Export CSV'}).click()]);
    expect(download.suggestedFilename()).toBe(`class-${server.store.identity.joinCode}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^name,learner,scenario,step,title,status,seconds/);
    expect(csv).toMatch(/^Ada,[0-9a-f]+,basics,2,Exports and folders carry over,active,\d+,1,1,0,false,KATARUN_GREETING is not set,false$/m);

    expect(requests.every((u) => u.startsWith(base) || u.startsWith('blob:'))).toBe(true);
    expect(errors).toEqual([]);
  }, 90_000);

  it('without the token the page says what it needs and shows no learner', async () => {
    const page = await browser.newPage();
    const base = `http://127.0.0.1:${server.port}`;
    await page.goto(`${base}/board`);
    await page.getByText("This board needs the instructor's token").waitFor({timeout: 15_000});
    expect(await page.locator('table').count()).toBe(0);
  }, 30_000);

  it('speaks the browser\'s language (Accept-Language), switches language and keeps the choice', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const page = await browser.newPage();
    await page.setExtraHTTPHeaders({'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5'});
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    learner('Ирина').send({type: 'step', step: 0, status: 'active'});
    await page.goto(`${base}/board#token=${server.store.identity.token}`);
    await page.getByRole('button', {name: 'Выгрузить CSV'}).waitFor({timeout: 15_000});
    await page.getByRole('columnheader', {name: 'Ученик'}).waitFor();
    await page.locator('tr', {hasText: 'Ирина'}).waitFor({timeout: 15_000});
    await page.getByText(/прошли: \d+/).first().waitFor();
    expect(await page.title()).toBe('katarun: доска класса');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await page.getByRole('button', {name: 'Для проектора'}).click();
    await page.locator('.p-help').getByText(/Подняли руку \(\d+\)/).waitFor();
    await page.getByRole('button', {name: 'Подробно'}).click();

    // The switch: English now, and still English after a reload although the browser asks for Russian.
    await page.getByRole('combobox', {name: 'Язык'}).selectOption('en');
    await page.getByRole('button', {name: 'Export CSV'}).waitFor();
    await page.getByRole('columnheader', {name: 'Learner'}).waitFor();
    await page.reload();
    await page.getByRole('button', {name: 'Export CSV'}).waitFor({timeout: 15_000});
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows a terminal only for the learner who shares it, as text, and drops it when they stop', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const page = await browser.newPage();
    await page.goto(`${base}/board?lang=en#token=${server.store.identity.token}`);
    const sharer = learner('Grace');
    const quiet = learner('Hopper');
    quiet.send({type: 'step', step: 0, status: 'active'});
    sharer.send({type: 'step', step: 0, status: 'active'});
    sharer.send({type: 'terminal', sharing: true, lines: ['$ kubectl get pods', '<img src=x onerror="window.pwned=3"> CrashLoopBackOff']});
    const shown = page.locator(`tr[data-terminal="${sharer.learnerId}"]`);
    await shown.getByText('CrashLoopBackOff').waitFor({timeout: 15_000});
    await shown.getByText('Grace · terminal (shared by the learner)').waitFor();
    expect(await shown.locator('pre').textContent()).toBe('$ kubectl get pods\n<img src=x onerror="window.pwned=3"> CrashLoopBackOff');
    expect(await page.evaluate(() => (window as unknown as {pwned?: number}).pwned)).toBeUndefined();
    await page.locator('tr', {hasText: 'Hopper'}).first().waitFor();
    expect(await page.locator(`tr[data-terminal="${quiet.learnerId}"]`).count()).toBe(0);
    sharer.send({type: 'terminal', sharing: false, lines: []});
    await shown.waitFor({state: 'detached', timeout: 15_000});
  }, 60_000);
});
