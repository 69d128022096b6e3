// The playground in a real browser (Debian's chromium, driven by playwright-core; no browser is
// downloaded): the built page from file://, findings equal to the CLI's JSON report, a click on a
// finding and on its fix, a share link opened in a fresh page, and bad input (a 5 MB paste,
// binary, hostile rules.yaml) answered with a message while the page stays responsive. Without
// Chromium this test fails: .ci/run installs it.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintToJson, type JsonReport } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.ELB_LINT_CHROMIUM ?? '/usr/bin/chromium';
const PAGE_URL = pathToFileURL(join(ROOT, 'playground', 'index.html')).href;
const TIMEOUT = 120_000;

/** A body with mistakes, an astral character before one of them (columns count UTF-16 units). */
const BAD_BODY = `{
  "loadbalancer": {
    "name": "web-lb", "description": "🚀 front door", "vip_subnet_cidr_id": "not-a-uuid",
    "availability_zone_list": ["az1", "az1"],
    "admin_state_up": "yes",
    "bandwith": { "size": 10 }
  }
}
`;

/** A shipped mistake with a safe fix (lb_algorithm "round_robin" → "ROUND_ROBIN") and suggestions. */
const MISTAKE = readFileSync(join(ROOT, 'examples/mistakes/tls-pool-any-port.json'), 'utf8');

interface ShownFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  message: string;
}

interface PlaygroundWindow {
  playground: {
    state(): { text: string; path: string; kind: string | undefined; config: string; flavors: string };
    cursor(): { line: number; column: number };
  };
}

let context: BrowserContext;
let profile: string;
let screenshots: string;
/** Every request that was not for the page's own files: there must be none. */
const outside: string[] = [];
/** Uncaught errors in any page: there must be none. */
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the playground test needs it (apt-get install -y chromium; .ci/run installs it), or set ELB_LINT_CHROMIUM to a Chromium binary.`);
  }
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-playground.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:playground failed:\n${built.stderr}`);
  profile = mkdtempSync(join(tmpdir(), 'elb-lint-chromium-'));
  screenshots = mkdtempSync(join(tmpdir(), 'elb-lint-playground-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  context.on('request', (request) => {
    if (!/^(file|blob|data):/.test(request.url())) outside.push(request.url());
  });
}, TIMEOUT);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
});

async function openPage(url = PAGE_URL): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  await settled(page, 0);
  return page;
}

function lintCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.lintCount ?? 0));
}

/** Until a lint newer than `after` has been shown and no edit waits for one. */
async function settled(page: Page, after: number): Promise<void> {
  await page.waitForFunction((count) => Number(document.body.dataset.lintCount ?? 0) > count && document.body.dataset.stale !== 'true' && document.body.dataset.state !== 'linting', after, { timeout: 60_000 });
}

/** Replaces the text of an editor: select all, then a paste (CodeMirror's own paste handling). */
async function paste(page: Page, editor: string, text: string | { generate: string }): Promise<void> {
  await page.evaluate((editor) => {
    const details = document.querySelector(editor)!.closest('details');
    if (details) details.open = true;
  }, editor);
  await page.locator(`${editor} .cm-content`).focus();
  await page.keyboard.press('Control+A');
  if (text === '') {
    await page.keyboard.press('Delete');
    return;
  }
  await page.evaluate(({ editor, text }) => {
    const value = typeof text === 'string' ? text : (new Function(`return (${text.generate})`) as () => string)();
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.querySelector(`${editor} .cm-content`)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { editor, text });
}

async function shownFindings(page: Page): Promise<ShownFinding[]> {
  return page.$$eval('#findings li', (items) => items.map((item) => {
    const data = (item as HTMLElement).dataset;
    return {
      ruleId: data.rule as string,
      line: Number(data.line),
      column: Number(data.column),
      endLine: Number(data.endLine),
      endColumn: Number(data.endColumn),
      severity: item.querySelector('.severity')!.textContent as string,
      message: item.querySelector('.message')!.textContent as string,
    };
  }));
}

/** `elb-lint --format json` (with `extra` options) on the text, as the one file of a scratch directory. */
async function cliReport(text: string, name = 'body.json', config?: string, extra: string[] = []): Promise<JsonReport['files'][number]> {
  const dir = mkdtempSync(join(tmpdir(), 'elb-lint-playground-cli-'));
  try {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
    if (config !== undefined) writeFileSync(join(dir, 'team.yaml'), config);
    const { report } = await lintToJson([...extra, ...(config !== undefined ? ['-c', 'team.yaml'] : []), name], { cwd: dir });
    return report.files[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cliFindings(text: string, name = 'body.json', config?: string): Promise<ShownFinding[]> {
  const file = await cliReport(text, name, config);
  return file.findings.map(({ ruleId, line, column, endLine, endColumn, severity, message }) => ({ ruleId, line, column, endLine, endColumn, severity, message }));
}

function applyEdit(text: string, edit: { range: [number, number]; text: string }): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

const state = (page: Page) => page.evaluate(() => (window as unknown as PlaygroundWindow).playground.state());

describe('the playground page, from file://', () => {
  it('shows the findings the CLI reports, moves the cursor to one when clicked, and writes a screenshot', async () => {
    const page = await openPage();
    const before = await lintCount(page);
    await page.click('#editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(BAD_BODY);
    await settled(page, before);
    expect((await state(page)).text).toBe(BAD_BODY);

    const shown = await shownFindings(page);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown).toEqual(await cliFindings(BAD_BODY));
    // Each underline covers exactly the finding's range.
    const underlined = await page.locator('#editor .cm-lintRange').count();
    expect(underlined).toBeGreaterThan(0);
    // Every rule ID links to its docs page.
    const links = await page.$$eval('#findings li a.rule', (anchors) => anchors.map((anchor) => [anchor.textContent, (anchor as HTMLAnchorElement).href]));
    expect(links.length).toBe(shown.length);
    for (const [id, href] of links) expect(href).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));

    const target = shown.find((finding) => finding.line === 3 && finding.column > 40)!;
    expect(target, 'a finding after the astral character').toBeDefined();
    await page.locator(`#findings li[data-rule="${target.ruleId}"][data-line="3"]`).first().click();
    expect(await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.cursor())).toEqual({ line: target.line, column: target.column });

    const file = join(screenshots, 'findings.png');
    await page.screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    console.log(`playground screenshot: ${file}`);
    await page.close();
  }, TIMEOUT);

  it('applies a safe fix or a suggestion in one click, and every safe fix with Fix all, as the CLI does', async () => {
    const page = await openPage();
    const report = await cliReport(MISTAKE);
    const fixable = report.findings.find((finding) => finding.fix !== undefined)!;
    const suggesting = report.findings.find((finding) => (finding.suggestions ?? []).length > 0)!;
    expect(fixable.ruleId).toBe('schema/enum');
    expect(suggesting).toBeDefined();
    const item = (finding: { ruleId: string; line: number; column: number }) => page.locator(`#findings li[data-rule="${finding.ruleId}"][data-line="${finding.line}"][data-column="${finding.column}"]`);

    let before = await lintCount(page);
    await paste(page, '#editor', MISTAKE);
    await settled(page, before);
    expect(await page.locator('#findings li button.fix').count()).toBe(report.findings.filter((finding) => finding.fix).length);
    before = await lintCount(page);
    await item(fixable).locator('button.fix').click();
    await settled(page, before);
    const fixed = applyEdit(MISTAKE, fixable.fix!);
    expect(fixed).toBe(MISTAKE.replace('"round_robin"', '"ROUND_ROBIN"'));
    expect((await state(page)).text).toBe(fixed);
    expect(await shownFindings(page)).toEqual(await cliFindings(fixed));

    before = await lintCount(page);
    await paste(page, '#editor', MISTAKE);
    await settled(page, before);
    const suggestion = suggesting.suggestions![0]!;
    before = await lintCount(page);
    await item(suggesting).locator('button.suggestion', { hasText: suggestion.desc }).click();
    await settled(page, before);
    expect((await state(page)).text).toBe(applyEdit(MISTAKE, suggestion.fix));

    before = await lintCount(page);
    await paste(page, '#editor', MISTAKE);
    await settled(page, before);
    before = await lintCount(page);
    await page.click('#fix-all');
    await settled(page, before);
    const dryRun = await cliReport(MISTAKE, 'body.json', undefined, ['--fix-dry-run']);
    expect(dryRun.output).toBeDefined();
    expect((await state(page)).text).toBe(dryRun.output);
    expect(await page.textContent('#status')).toMatch(/Fix all: \d+ fix(es)? applied\./);
    expect(await shownFindings(page)).toEqual(await cliFindings(dryRun.output!));
    await page.close();
  }, TIMEOUT);

  it('puts the body, kind, file name and configuration into a share link that a fresh page opens as it was', async () => {
    const page = await openPage();
    let before = await lintCount(page);
    await page.selectOption('#kind', 'create-loadbalancer');
    await page.fill('#path', 'templates/web.json');
    await paste(page, '#config-editor', 'extends: strict\nrules:\n  lb/single-az: off\n');
    await paste(page, '#editor', BAD_BODY);
    await settled(page, before);
    const original = await state(page);
    const findings = await shownFindings(page);
    expect(findings).toEqual(await cliFindings(BAD_BODY, 'templates/web.json', original.config));

    await page.click('#share');
    await page.waitForFunction(() => (document.getElementById('share-link') as HTMLInputElement).value !== '');
    const link = await page.inputValue('#share-link');
    expect(link.startsWith(`${PAGE_URL}#z1.`)).toBe(true);
    // Raw deflate of the state's JSON, base64url: nothing but the fragment holds it.
    const inflated = JSON.parse(inflateRawSync(Buffer.from(link.slice(`${PAGE_URL}#z1.`.length), 'base64url')).toString('utf8'));
    expect(inflated).toEqual({ t: original.text, p: original.path, k: original.kind, c: original.config, f: original.flavors });
    await page.close();

    const fresh = await openPage(link);
    expect(await state(fresh)).toEqual(original);
    expect(await fresh.inputValue('#kind')).toBe('create-loadbalancer');
    expect(await shownFindings(fresh)).toEqual(findings);
    await fresh.close();
  }, TIMEOUT);

  it('lists the shipped examples, valid and invalid, of both kinds', async () => {
    const page = await openPage();
    const options = await page.$$eval('#examples option', (list) => list.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    expect(options).toEqual(expect.arrayContaining(['seed-lb-private-ipv4.json', 'seed-master-slave-pool.json', 'templates/web-private-lb.json', 'mistakes/prepaid-elastic-lb.json', 'mistakes/tls-pool-any-port.json']));
    const kinds = new Set<string>();
    let clean = 0;
    let dirty = 0;
    for (const path of options) {
      const before = await lintCount(page);
      await page.selectOption('#examples', path);
      await settled(page, before);
      expect((await state(page)).path).toBe(path);
      const status = await page.textContent('#status');
      kinds.add(/Kind: ([a-z-]+)/.exec(status ?? '')![1]!);
      if ((await page.locator('#findings li').count()) === 0) clean++;
      else dirty++;
    }
    expect([...kinds].sort()).toEqual(['create-loadbalancer', 'create-master-slave-pool']);
    expect(clean).toBeGreaterThan(0);
    expect(dirty).toBeGreaterThan(0);
    await page.close();
  }, TIMEOUT);

  it('answers a 5 MB paste, binary text and a hostile rules.yaml with a message, and stays responsive', async () => {
    const page = await openPage();

    // 5 MB: a pool with 60,000 members. Linted in the worker: the page keeps answering meanwhile.
    let before = await lintCount(page);
    await paste(page, '#editor', { generate: "JSON.stringify({ pool: { protocol: 'TCP', lb_algorithm: 'ROUND_ROBIN', type: 'ip', loadbalancer_id: 'x', members: Array.from({ length: 60000 }, (_, i) => ({ name: 'm' + i, address: '10.0.' + ((i >> 8) & 255) + '.' + (i & 255), protocol_port: 80 })) } }, null, 2)" });
    await page.waitForFunction(() => /MiB/.test(document.getElementById('status')!.textContent ?? ''));
    await page.evaluate(() => (document.getElementById('config-panel') as HTMLDetailsElement).open = true);
    await page.click('#config-editor .cm-content');
    await page.keyboard.insertText('# typed while the worker lints\n');
    expect(await page.evaluate(() => document.querySelector('#config-editor .cm-content')!.textContent)).toContain('typed while the worker lints');
    await settled(page, before);
    // Linted in linear time, it ends with its findings (or, on a slow machine, the time limit's message naming the size).
    expect(await page.textContent('#status')).toMatch(/^\d+ errors?[,.]|6\.\d MiB/);

    // Binary: every byte value as a character.
    before = await lintCount(page);
    await paste(page, '#config-editor', '');
    await paste(page, '#editor', { generate: "Array.from({ length: 4096 }, (_, i) => String.fromCharCode(i % 256)).join('')" });
    await settled(page, before);
    const binary = await shownFindings(page);
    expect(binary.map((finding) => finding.ruleId)).toEqual(['parse/invalid-json']);
    expect(binary[0]!.message).toMatch(/binary/);

    // A rules.yaml whose aliases expand without end: refused with its line and column.
    before = await lintCount(page);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    await paste(page, '#editor', BAD_BODY);
    await paste(page, '#config-editor', laughs);
    await settled(page, before);
    expect(await page.textContent('#status')).toMatch(/rules\.yaml has 1 problem: linted with the built-in recommended preset/);
    expect(await page.textContent('#config-problems')).toMatch(/aliases .* expand too much/);
    expect(await shownFindings(page)).toEqual(await cliFindings(BAD_BODY));

    // A policy regex that backtracks for ever: the worker is stopped and a fresh one lints the next edit.
    before = await lintCount(page);
    await paste(page, '#config-editor', 'policies:\n  - name: naming\n    given: $.loadbalancer.name\n    then: { function: pattern, functionOptions: { match: "^(a+)+$" } }\n');
    await paste(page, '#editor', BAD_BODY.replace('"web-lb"', `"${'a'.repeat(48)}!"`));
    await settled(page, before);
    expect(await page.getAttribute('body', 'data-state')).toBe('timed-out');
    expect(await page.textContent('#status')).toMatch(/Linting stopped: it took longer than \d+ s\. The worker was restarted/);
    expect(await page.evaluate(() => 6 * 7)).toBe(42);

    before = await lintCount(page);
    await paste(page, '#config-editor', '');
    await settled(page, before);
    expect(await page.getAttribute('body', 'data-state')).toBe('done');
    expect((await shownFindings(page)).length).toBeGreaterThan(0);
    await page.close();
  }, TIMEOUT);
});
