// Command-line options as people use them: standard input with --stdin-filename (also .http, and
// path-based configuration), --skip-unknown-kind (pre-commit, lint-staged), --max-warnings and
// --quiet with their exit codes, the progress line on a terminal, and --print-schema for editors.

import { readFileSync } from 'node:fs';

import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseJsonc } from 'jsonc-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProgress, PROGRESS_MIN_FILES } from '../../src/cli/progress.js';
import { KINDS } from '../../src/model.js';
import { lintToJson, runCli, useWorkspace } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const POOL = readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8');
const LB = readFileSync(join(ROOT, 'examples/templates/web-private-lb.json'), 'utf8');
/** One warning (pool/healthmonitor-timeout) and nothing else. */
const POOL_ONE_WARNING = POOL.replace('"timeout": 3', '"timeout": 7');
/** One error (pool/healthmonitor-range) and nothing else. */
const POOL_ONE_ERROR = POOL.replace('"delay": 5', '"delay": 60');

const workspace = useWorkspace('elb-lint-cli-');
const { write } = workspace;

describe('standard input', () => {
  it('lints `-` named by --stdin-filename, as that path', async () => {
    const { code, report } = await lintToJson(['-', '--stdin-filename', 'templates/lb.json'], { cwd: workspace.dir, stdin: POOL_ONE_ERROR });
    expect(code).toBe(1);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ path: 'templates/lb.json', kind: 'create-master-slave-pool' });
    expect(report.files[0]!.findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual([['pool/healthmonitor-range', 28, 7]]);
  });

  it('calls unnamed standard input <stdin>', async () => {
    const { report } = await lintToJson(['-'], { cwd: workspace.dir, stdin: LB });
    expect(report.files).toEqual([{ path: '<stdin>', kind: 'create-loadbalancer', findings: [] }]);
  });

  it('reads standard input as an .http file when its name says so', async () => {
    const http = `POST https://{ELB_Endpoint}/v3/{project_id}/elb/master-slave-pools\nContent-Type: application/json\n\n${POOL_ONE_ERROR}`;
    const { report } = await lintToJson(['-', '--stdin-filename', 'requests/pool.http'], { cwd: workspace.dir, stdin: http });
    expect(report.files[0]).toMatchObject({ path: 'requests/pool.http', kind: 'create-master-slave-pool' });
    expect(report.files[0]!.findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual([['pool/healthmonitor-range', 31, 7]]);
  });

  it('applies path-based configuration (overrides, kinds) to the stdin filename', async () => {
    write('rules.yaml', [
      'kinds:',
      '  "templates/pools/*.json": create-master-slave-pool',
      'overrides:',
      '  - files: ["templates/legacy/**"]',
      '    rules: { pool/healthmonitor-range: warning }',
      '',
    ].join('\n'));
    const legacy = await lintToJson(['-', '--stdin-filename', 'templates/legacy/pool.json'], { cwd: workspace.dir, stdin: POOL_ONE_ERROR });
    expect(legacy.report.files[0]!.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['pool/healthmonitor-range', 'warning']]);
    expect(legacy.code).toBe(0);
    const current = await lintToJson(['-', '--stdin-filename', 'templates/current/pool.json'], { cwd: workspace.dir, stdin: POOL_ONE_ERROR });
    expect(current.report.files[0]!.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['pool/healthmonitor-range', 'error']]);
    // A `kinds` glob decides the kind of a body that cannot tell it (here: no "pool" wrapper).
    const bare = JSON.stringify((JSON.parse(POOL) as { pool: unknown }).pool);
    const mapped = await lintToJson(['-', '--stdin-filename', 'templates/pools/bare.json'], { cwd: workspace.dir, stdin: bare });
    expect(mapped.report.files[0]?.kind).toBe('create-master-slave-pool');
  });
});

describe('--stdin-filename as ESLint takes it', () => {
  it('an ignored path: not linted, a warning on stderr, exit 0 even for a broken body', async () => {
    write('rules.yaml', 'ignore: ["generated/**"]\n');
    for (const format of ['json', 'human']) {
      const result = await runCli(['--format', format, '-', '--stdin-filename', 'generated/pool.json'], { cwd: workspace.dir, stdin: '{"pool": ' });
      expect(result.code, format).toBe(0);
      expect(result.stderr, format).toBe('elb-lint: standard input, named "generated/pool.json" by --stdin-filename, matches an ignore glob in the configuration; it was not linted.\n');
      if (format === 'json') expect((JSON.parse(result.stdout) as { files: unknown[] }).files).toEqual([]);
    }
    // A path that is not ignored is linted as before.
    const linted = await runCli(['-', '--stdin-filename', 'templates/pool.json'], { cwd: workspace.dir, stdin: '{"pool": ' });
    expect(linted.code).toBe(1);
  });

  it('without "-" among the paths it is a usage error (exit 2)', async () => {
    write('templates/pool.json', POOL);
    for (const args of [['--stdin-filename', 'x.json'], ['--stdin-filename', 'x.json', 'templates']]) {
      const result = await runCli(args, { cwd: workspace.dir, stdin: POOL });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('elb-lint: --stdin-filename names standard input, but no "-" among the paths reads it; use: elb-lint --stdin-filename x.json -\nRun "elb-lint --help" for usage.\n');
    }
  });
});

describe('control characters in a body do not reach the terminal or the CI log', () => {
  it('keys and values with ESC, BEL, CR, U+2028 and bidi overrides are escaped in human, compact and github', async () => {
    const body = JSON.stringify({ pool: { 'x\r\u001b[2K::error file=a.json::forged\u0007': 1, 'evil\u202e': 2, 'ls\u2028': 3, protocol: 'T\u001b]0;title\u0007CP' } });
    for (const format of ['human', 'compact', 'github']) {
      const { stdout } = await runCli(['--format', format, '--no-color', '-', '--stdin-filename', 'pool.json'], { cwd: workspace.dir, stdin: body });
      expect(stdout, format).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
      expect(stdout, format).toContain('\\u001B[2K::error file=a.json::forged\\u0007');
      expect(stdout, format).toContain('evil\\u202E');
      expect(stdout, format).toContain('ls\\u2028');
      for (const line of stdout.split('\n')) expect(line.startsWith('::error file=a.json'), format).toBe(false);
    }
  });
});

describe('the human summary tells how the run ended', () => {
  it('a failed run (exit 2) never says "No problems in 0 files"', async () => {
    const result = await runCli(['missing.json'], { cwd: workspace.dir });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('No problems');
    expect(result.stdout).toBe('✖ The run failed (exit code 2): nothing was linted; see the elb-lint messages on stderr.\n');
    expect(result.stderr).toContain('Cannot read "missing.json"');
  });

  it('the summary counts the files with problems out of the files linted', async () => {
    write('a.json', POOL);
    write('b.json', POOL_ONE_ERROR);
    write('c.json', POOL_ONE_WARNING);
    const { stdout } = await runCli(['--no-color', 'a.json', 'b.json', 'c.json'], { cwd: workspace.dir });
    expect(stdout.split('\n').at(-2)).toBe('✖ 2 problems (1 error, 1 warning, 0 infos) in 2 of 3 files');
  });
});

describe('a 640 kB key of whitespace in --format compact', () => {
  // The old flattening regex took 150 s on the first key (quadratic in a run without a line break).
  const lineOf = async (key: string) => {
    const { code, stdout } = await runCli(['--format', 'compact', '-', '--stdin-filename', 'ws.json'], { cwd: workspace.dir, stdin: JSON.stringify({ pool: { [key]: 1 } }) });
    expect(code).toBe(1);
    return stdout.split('\n').find((text) => text.includes('[schema/unknown-field]')) ?? '';
  };
  const expected = (shown: string) => `ws.json:1:10: error: "${shown}" is not a field of pool in a create-master-slave-pool request; the API would silently drop it. [schema/unknown-field]`;

  it('a run of spaces without a line break is kept as it is, on one line', async () => {
    const key = `a${' '.repeat(640_000)}b`;
    const line = await lineOf(key);
    // Compared as a boolean: a failing toBe would diff 640 kB strings.
    expect(line.length).toBe(expected(key).length);
    expect(line === expected(key)).toBe(true);
  });

  it('a run with a line break in it becomes one space', async () => {
    const line = await lineOf(`a${' '.repeat(320_000)}\n${' '.repeat(320_000)}b`);
    expect(line).toBe(expected('a b'));
  });
});

describe('--skip-unknown-kind', () => {
  beforeEach(() => {
    write('package.json', '{ "name": "infra" }\n');
    write('tsconfig.json', '{\n  // not strict JSON\n  "compilerOptions": {},\n}\n');
    write('templates/broken.json', '{ "loadbalancer": { "name": "web", }\n');
    write('templates/pool.json', POOL_ONE_WARNING);
  });

  it('is off by default: a file named explicitly must be a request body (output.md)', async () => {
    const { code, report } = await lintToJson(['package.json'], { cwd: workspace.dir });
    expect(code).toBe(1);
    expect(report.files[0]!.findings.map((finding) => finding.ruleId)).toEqual(['input/unknown-kind']);
  });

  it('skips named files whose kind cannot be told, and says so with --debug', async () => {
    const { code, report, stderr } = await lintToJson(['--skip-unknown-kind', '--debug', 'package.json', 'tsconfig.json', 'templates/pool.json'], { cwd: workspace.dir });
    expect(code).toBe(0);
    expect(report.files.map((file) => file.path)).toEqual(['templates/pool.json']);
    expect(stderr).toMatch(/skipped package\.json: /);
    expect(stderr).toMatch(/skipped tsconfig\.json: /);
  });

  it('still reports a broken file that is recognisably a request body', async () => {
    const { code, report } = await lintToJson(['--skip-unknown-kind', 'templates/broken.json'], { cwd: workspace.dir });
    expect(code).toBe(1);
    expect(report.files[0]).toMatchObject({ path: 'templates/broken.json', kind: 'create-loadbalancer' });
    expect(report.files[0]!.findings.map((finding) => finding.ruleId)).toEqual(['parse/invalid-json']);
  });

  it('skips standard input whose kind cannot be told', async () => {
    const { code, report } = await lintToJson(['--skip-unknown-kind', '-', '--stdin-filename', 'package.json'], { cwd: workspace.dir, stdin: '{"name": "x"}' });
    expect(code).toBe(0);
    expect(report.files).toEqual([]);
  });
});

describe('--max-warnings and --quiet', () => {
  beforeEach(() => {
    write('warning.json', POOL_ONE_WARNING);
    write('error.json', POOL_ONE_ERROR);
  });

  it('exits 0 with warnings only, and 1 with an error', async () => {
    expect((await runCli(['warning.json'], { cwd: workspace.dir })).code).toBe(0);
    expect((await runCli(['error.json', 'warning.json'], { cwd: workspace.dir })).code).toBe(1);
  });

  it('exits 1 when the warnings exceed --max-warnings, saying so on stderr', async () => {
    expect((await runCli(['--max-warnings', '1', 'warning.json'], { cwd: workspace.dir })).code).toBe(0);
    const over = await runCli(['--max-warnings', '0', 'warning.json'], { cwd: workspace.dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('elb-lint: 1 warning, more than --max-warnings 0 allows.\n');
    expect(over.stdout).toContain('pool/healthmonitor-timeout');
  });

  it('rejects a --max-warnings that is not a whole number (exit 2)', async () => {
    for (const value of ['-1', 'many', '1.5']) {
      const result = await runCli([`--max-warnings=${value}`, 'warning.json'], { cwd: workspace.dir });
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toContain('--max-warnings needs a whole number');
    }
  });

  it('--quiet reports errors only, and warnings still count for --max-warnings', async () => {
    const quiet = await lintToJson(['--quiet', 'error.json', 'warning.json'], { cwd: workspace.dir });
    expect(quiet.code).toBe(1);
    expect(quiet.report.files.flatMap((file) => file.findings.map((finding) => finding.severity))).toEqual(['error']);
    expect(quiet.report.summary).toMatchObject({ errors: 1, warnings: 0 });

    const onlyWarnings = await runCli(['--quiet', 'warning.json'], { cwd: workspace.dir });
    // Not "No problems": the warning is there, only not shown.
    expect(onlyWarnings).toMatchObject({ code: 0, stdout: '✔ No errors in 1 file (1 warning not shown: --quiet).\n' });
    const gated = await runCli(['--quiet', '--max-warnings', '0', 'warning.json'], { cwd: workspace.dir });
    expect(gated.code).toBe(1);
    expect(gated.stdout).toBe('✖ 1 warning (not shown: --quiet), more than --max-warnings 0 allows.\n');
    expect(gated.stdout).not.toContain('No problems');
    expect(gated.stderr).toBe('elb-lint: 1 warning (not shown: --quiet), more than --max-warnings 0 allows.\n');
  });
});

describe('progress on a terminal', () => {
  const CLEAR = '\r\u001b[K';

  function manyFiles(): string[] {
    const names = Array.from({ length: PROGRESS_MIN_FILES + 5 }, (_, index) => `templates/pool-${String(index).padStart(2, '0')}.json`);
    for (const name of names) write(name, POOL);
    return names;
  }

  it('shows a progress line on stderr and clears it before the report', async () => {
    manyFiles();
    const { code, stdout, stderr } = await runCli(['--no-color', 'templates'], { cwd: workspace.dir, isTTY: true });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\r\u001b\[Kelb-lint: linted 1 of 25 files \(4%\)/);
    expect(stderr.endsWith(CLEAR)).toBe(true);
    expect(stderr.replace(/\r\u001b\[K(elb-lint: linted \d+ of 25 files \(\d+%\))?/g, '')).toBe('');
    expect(stdout).toBe('✔ No problems in 25 files.\n');
  });

  it('stays silent when stderr is not a terminal, with few files, with --debug, or when a machine format goes to stdout', async () => {
    manyFiles();
    expect((await runCli(['templates'], { cwd: workspace.dir, isTTY: false })).stderr).toBe('');
    expect((await runCli(['templates/pool-00.json', 'templates/pool-01.json'], { cwd: workspace.dir, isTTY: true })).stderr).toBe('');
    expect((await runCli(['--debug', 'templates'], { cwd: workspace.dir, isTTY: true })).stderr).not.toContain(CLEAR);
    for (const format of ['json', 'sarif', 'compact', 'github', 'gitlab']) {
      const { stderr } = await runCli(['-f', format, 'templates'], { cwd: workspace.dir, isTTY: true });
      expect(stderr, format).toBe('');
    }
    // A machine format written to a file leaves the terminal to people.
    expect((await runCli(['-f', 'human', '-f', 'json=report.json', 'templates'], { cwd: workspace.dir, isTTY: true })).stderr).toContain('linted 1 of 25');
  });

  it('redraws at most every 100 ms and clears only what it drew', () => {
    let now = 0;
    let out = '';
    const progress = createProgress({ write: (text) => void (out += text) }, { enabled: true, now: () => now });
    progress.update(1, 100);
    now = 50;
    progress.update(2, 100);
    now = 100;
    progress.update(3, 100);
    progress.update(100, 100);
    progress.clear();
    expect(out).toBe(`${CLEAR}elb-lint: linted 1 of 100 files (1%)${CLEAR}elb-lint: linted 3 of 100 files (3%)${CLEAR}`);

    let silent = '';
    const none = createProgress({ write: (text) => void (silent += text) }, { enabled: true });
    none.update(1, PROGRESS_MIN_FILES - 1);
    none.clear();
    expect(silent).toBe('');
  });
});

describe('--print-schema KIND (editors)', () => {
  for (const kind of KINDS) {
    it(`prints the ${kind} schema, which accepts a valid body and rejects a wrong one`, async () => {
      const { code, stdout, stderr } = await runCli(['--print-schema', kind], { cwd: workspace.dir });
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const schema = JSON.parse(stdout) as { $schema: string; title: string };
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.title).toMatch(/\S/);
      // Standard draft-07 JSON Schema: a fresh Ajv in strict mode (unknown keywords, such as
      // ajv-errors' errorMessage, are errors) with only the standard formats compiles it.
      const ajv = new Ajv({ allErrors: true, strict: true });
      addFormats.default(ajv, ['uuid', 'ipv4', 'ipv6']);
      const validate = ajv.compile(schema);
      const [valid, wrong] = kind === 'create-loadbalancer' ? [LB, LB.replace('"name": "web-prod-lb"', '"name": 42')] : [POOL, POOL.replace('"protocol": "TCP"', '"protocol": "FTP"')];
      expect(validate(JSON.parse(valid)), JSON.stringify(validate.errors)).toBe(true);
      expect(validate(JSON.parse(wrong))).toBe(false);
    });
  }

  it('every property has a description (hover docs), and every property is a field of the fact sheet', async () => {
    const facts = readFileSync(join(ROOT, 'docs/spec/elb-api-facts.md'), 'utf8');
    for (const kind of KINDS) {
      const schema = JSON.parse((await runCli(['--print-schema', kind], { cwd: workspace.dir })).stdout) as unknown;
      const properties: [string, { description?: unknown }][] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (typeof node !== 'object' || node === null) return;
        const { properties: own } = node as { properties?: Record<string, { description?: unknown }> };
        if (own) properties.push(...Object.entries(own));
        Object.values(node).forEach(walk);
      };
      walk(schema);
      expect(properties.length).toBeGreaterThan(20);
      for (const [name, property] of properties) {
        expect(typeof property.description === 'string' && /\w/.test(property.description), `${kind}: ${name} has a description`).toBe(true);
        expect(facts, `${kind}: ${name} is in elb-api-facts.md`).toContain(`\`${name}\``);
      }
      expect(JSON.stringify(schema)).not.toContain('errorMessage');
    }
  });

  it('rejects an unknown kind with a usage error', async () => {
    const result = await runCli(['--print-schema', 'create-listener'], { cwd: workspace.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--print-schema must be one of create-loadbalancer, create-master-slave-pool');
  });

  it('the README shows a VS Code json.schemas setting for the printed schemas', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```jsonc\n(\{\s*"json\.schemas"[\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'a ```jsonc block with "json.schemas" in the README').toBeDefined();
    const settings = parseJsonc(block!) as { 'json.schemas': { fileMatch: string[]; url: string }[] };
    const urls = settings['json.schemas'].map((entry) => entry.url);
    for (const kind of KINDS) expect(urls.some((url) => url.includes(kind))).toBe(true);
    for (const entry of settings['json.schemas']) expect(entry.fileMatch.length).toBeGreaterThan(0);
    for (const kind of KINDS) expect(readme).toContain(`elb-lint --print-schema ${kind} >`);
  });
});
