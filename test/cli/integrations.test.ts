// Where users meet elb-lint, each driven the way its user drives it: the pre-commit hooks (entry
// run with the staged files as arguments; test/cli/pre-commit.test.ts drives the real pre-commit),
// the npm package pre-commit installs, the GitHub Actions and GitLab CI examples (their own
// command lines), and the problem matchers of VS Code and GitHub Actions applied to real compact
// output.

import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';

import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintToJson, readJson, runCli, useWorkspace } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin/elb-lint.cjs');

const workspace = useWorkspace('elb-lint-use-');
const { write } = workspace;

/** A repository as pre-commit sees it: request bodies among other JSON files. */
function stageRepository(): void {
  write('package.json', '{ "name": "infra", "private": true }\n');
  write('tsconfig.json', '{\n  // comments: not strict JSON\n  "compilerOptions": { "strict": true, },\n}\n');
  write('.vscode/settings.json', '{ "editor.tabSize": 2 }\n');
  write('templates/web-lb.json', readFileSync(join(ROOT, 'examples/templates/web-private-lb.json'), 'utf8'));
  write('templates/web-pool.json', readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8'));
}

/** Runs a command line whose first word is `elb-lint` with the real CLI (bin/elb-lint.cjs, dist/). */
function runCommand(words: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  expect(words[0]).toBe('elb-lint');
  const child = spawnSync(process.execPath, [BIN, ...words.slice(1)], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

describe('pre-commit (.pre-commit-hooks.yaml)', () => {
  interface Hook { id: string; entry: string; language: string; types?: string[]; files?: string; pass_filenames?: boolean; args?: string[] }
  const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = (id: string) => hooks.find((candidate) => candidate.id === id)!;

  /** The files pre-commit would pass: `types: [json]` is identify's json tag (.json), `files` a regex. */
  function selected(h: Hook, staged: readonly string[]): string[] {
    return staged.filter((file) => (!h.types || h.types.every((type) => type === 'json' && file.endsWith('.json'))) && (!h.files || new RegExp(h.files).test(file)));
  }

  /** pre-commit runs `entry` (shlex-split), then `args`, then the file names. */
  function runHook(h: Hook, staged: readonly string[]) {
    return runCommand([...h.entry.split(/\s+/), ...(h.args ?? []), ...selected(h, staged)], workspace.dir);
  }

  it('declares the node hooks with compact output', () => {
    expect(hook('elb-lint')).toMatchObject({ language: 'node', types: ['json'], pass_filenames: true });
    expect(hook('elb-lint').entry).toMatch(/^elb-lint .*--format compact/);
    expect(hook('elb-lint').entry).toContain('--skip-unknown-kind');
    expect(hook('elb-lint-http')).toMatchObject({ language: 'node', files: '\\.(http|rest)$', pass_filenames: true });
    expect(hook('elb-lint-http').entry).toBe(hook('elb-lint').entry);
  });

  it('gives the .http hook .http and .rest files (the same format), nothing else', () => {
    const staged = ['requests/create.http', 'api/pools.rest', 'templates/lb.json', 'notes.http.md', 'rest', 'x.restore'];
    expect(selected(hook('elb-lint-http'), staged)).toEqual(['requests/create.http', 'api/pools.rest']);
  });

  it('passes a commit of request bodies among other JSON files', () => {
    stageRepository();
    const staged = ['package.json', 'tsconfig.json', '.vscode/settings.json', 'templates/web-lb.json', 'templates/web-pool.json', 'README.md'];
    expect(selected(hook('elb-lint'), staged)).toEqual(staged.filter((file) => file.endsWith('.json')));
    const result = runHook(hook('elb-lint'), staged);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('fails a commit with a broken body, naming file, line and column', () => {
    stageRepository();
    const pool = readFileSync(join(workspace.dir, 'templates/web-pool.json'), 'utf8').replace('"delay": 5', '"delay": 60');
    write('templates/web-pool.json', pool);
    const result = runHook(hook('elb-lint'), ['package.json', 'tsconfig.json', 'templates/web-lb.json', 'templates/web-pool.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^templates\/web-pool\.json:28:7: error: healthmonitor\.delay is 60, [^\n]+ \[pool\/healthmonitor-range\]\n$/);
  });

  it('would fail every commit on other JSON files without --skip-unknown-kind (the spec default for named files)', () => {
    stageRepository();
    const result = runCommand(['elb-lint', '--format', 'compact', 'package.json', 'tsconfig.json'], workspace.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^package\.json:1:1: error: .*\[input\/unknown-kind\]$/m);
    expect(result.stdout).toMatch(/^tsconfig\.json:\d+:\d+: error: .*\[parse\/invalid-json\]$/m);
  });

  it('lints the create requests of staged .http files', () => {
    write('requests/create-pool.http', `POST https://{ELB_Endpoint}/v3/{project_id}/elb/master-slave-pools\nContent-Type: application/json\n\n${readFileSync(join(ROOT, 'examples/templates/web-tcp-pool.json'), 'utf8').replace('"timeout": 3', '"timeout": 7')}`);
    write('requests/list.http', 'GET https://{ELB_Endpoint}/v3/{project_id}/elb/loadbalancers\n');
    const result = runHook(hook('elb-lint-http'), ['requests/create-pool.http', 'requests/list.http', 'templates/x.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^requests\/create-pool\.http:32:7: warning: healthmonitor\.timeout is 7, [^\n]+ \[pool\/healthmonitor-timeout\]\n$/);
  });
});

describe('the npm package (what pre-commit and npm install)', () => {
  function npm(args: string[]) {
    const child = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
    return { code: child.status, stdout: child.stdout, stderr: child.stderr };
  }

  it('ships bin/, dist/ and rules.yaml', () => {
    const result = npm(['pack', '--dry-run', '--json', '--ignore-scripts']);
    expect(result.code, result.stderr).toBe(0);
    const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
    const files = pack!.files.map((file) => file.path);
    for (const path of ['package.json', 'bin/elb-lint.cjs', 'dist/cli.cjs', 'dist/cli.cjs.code-cache', 'rules.yaml', 'README.md']) expect(files, path).toContain(path);
    expect(files.some((file) => file.startsWith('dist/chunks/'))).toBe(true);
    expect(files.filter((file) => /^(src|test)\//.test(file))).toEqual([]);
  });

  it('builds dist/ on prepare, and keeps npm pack quiet on stdout for pre-commit', () => {
    const manifest = readJson<{ bin: Record<string, string>; scripts: Record<string, string>; files: string[] }>(join(ROOT, 'package.json'));
    expect(manifest.bin['elb-lint']).toBe('bin/elb-lint.cjs');
    expect(manifest.scripts.prepare).toBe('node scripts/prepare.mjs');
    expect(readFileSync(BIN, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    // pre-commit 3.x reads the tarball name from `npm pack`'s stdout; npm >= 10.5 prints the
    // prepare banner there unless lifecycle scripts run in the background (.npmrc).
    expect(npm(['config', 'get', 'foreground-scripts']).stdout.trim()).toBe('false');
  });
});

describe('CI examples', () => {
  function repositoryWithExamples(): void {
    stageRepository();
    cpSync(join(ROOT, 'examples/mistakes'), join(workspace.dir, 'templates/mistakes'), { recursive: true });
  }

  it('examples/github-workflow.yml: annotations and a SARIF log for upload-sarif, on pull requests', () => {
    interface Step { uses?: string; run?: string; with?: Record<string, unknown>; if?: string }
    const workflow = parseYaml(readFileSync(join(ROOT, 'examples/github-workflow.yml'), 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.permissions['security-events']).toBe('write');
    const steps = Object.values(workflow.jobs)[0]!.steps;
    expect(steps.some((step) => step.uses?.startsWith('actions/checkout@'))).toBe(true);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with).toMatchObject({ sarif_file: 'elb-lint.sarif', category: 'elb-lint' });
    expect(upload?.if).toContain('!cancelled()');

    const lint = steps.find((step) => step.run?.includes('elb-lint'))!.run!.trim();
    expect(lint).toMatch(/^npx --no elb-lint /);
    expect(lint).toContain('-f github -f sarif=elb-lint.sarif');
    repositoryWithExamples();
    const result = runCommand(lint.replace(/^npx --no /, '').split(/\s+/), workspace.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=templates\/mistakes\/prepaid-elastic-lb\.json,line=21,col=7,/m);
    const log = readJson<{ runs: { results: unknown[] }[] }>(join(workspace.dir, 'elb-lint.sarif'));
    expect(log.runs[0]!.results).toHaveLength(result.stdout.trimEnd().split('\n').length);
  });

  it('examples/gitlab-ci.yml: a code quality report artifact', () => {
    const pipeline = parseYaml(readFileSync(join(ROOT, 'examples/gitlab-ci.yml'), 'utf8')) as Record<string, { image: string; script: string[]; artifacts: { when: string; reports: { codequality: string } } }>;
    const job = pipeline['elb-lint']!;
    expect(job.image).toBe('node:20');
    expect(job.artifacts).toMatchObject({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
    const lint = job.script.find((line) => line.includes('elb-lint'))!;
    repositoryWithExamples();
    const result = runCommand(lint.replace(/^npx --no /, '').split(/\s+/), workspace.dir);
    expect(result.code).toBe(1);
    const issues = readJson<{ location: { path: string } }[]>(join(workspace.dir, 'gl-code-quality-report.json'));
    expect(issues).toHaveLength(result.stdout.trimEnd().split('\n').length);
    expect(issues.every((issue) => issue.location.path.startsWith('templates/mistakes/'))).toBe(true);
  });
});

describe('problem matchers on real compact output', () => {
  interface Pattern { regexp: string; file: number; line: number; column: number; severity?: number; message: number; code: number }
  interface Expected { file: string; line: number; column: number; severity: string; message: string; code: string }

  /** The compact output of a run over examples/, and the same findings from the JSON report. */
  async function compactRun(): Promise<{ lines: string[]; expected: Expected[] }> {
    cpSync(join(ROOT, 'examples'), join(workspace.dir, 'examples'), { recursive: true });
    const { stdout } = await runCli(['-f', 'compact', 'examples'], { cwd: workspace.dir });
    const { report } = await lintToJson(['examples'], { cwd: workspace.dir });
    const expected = report.files.flatMap((file) => file.findings.map((finding) => ({ file: file.path, line: finding.line, column: finding.column, severity: finding.severity, message: finding.message, code: finding.ruleId })));
    const lines = stdout.trimEnd().split('\n');
    expect(new Set(expected.map((finding) => finding.severity))).toEqual(new Set(['error', 'warning', 'info']));
    return { lines, expected };
  }

  function apply(pattern: Pattern, line: string, defaultSeverity?: string): Expected | undefined {
    const match = new RegExp(pattern.regexp).exec(line);
    if (!match) return undefined;
    return {
      file: match[pattern.file]!,
      line: Number(match[pattern.line]),
      column: Number(match[pattern.column]),
      severity: pattern.severity === undefined ? defaultSeverity! : match[pattern.severity]!,
      message: match[pattern.message]!,
      code: match[pattern.code]!,
    };
  }

  it('.github/elb-lint-matcher.json reads every line (infos as notices: the runner knows no "info")', async () => {
    const config = readJson<{ problemMatcher: { owner: string; severity?: string; pattern: Pattern[] }[] }>(join(ROOT, '.github/elb-lint-matcher.json'));
    const { lines, expected } = await compactRun();
    const parsed = lines.map((line) => {
      const matches = config.problemMatcher.map((matcher) => apply(matcher.pattern[0]!, line, matcher.severity)).filter((match) => match !== undefined);
      expect(matches, line).toHaveLength(1);
      return matches[0]!;
    });
    for (const matcher of config.problemMatcher) expect(['error', 'warning', 'notice', undefined]).toContain(matcher.severity);
    expect(parsed).toEqual(expected.map((finding) => ({ ...finding, severity: finding.severity === 'info' ? 'notice' : finding.severity })));
  });

  it('.vscode/tasks.json reads every line into the Problems panel', async () => {
    const errors: unknown[] = [];
    const tasks = parseJsonc(readFileSync(join(ROOT, '.vscode/tasks.json'), 'utf8'), errors as never) as { tasks: { label: string; args: string[]; problemMatcher: { owner: string; fileLocation: string[]; pattern: Pattern } }[] };
    expect(errors).toEqual([]);
    const { lines, expected } = await compactRun();
    expect(tasks.tasks.length).toBeGreaterThan(0);
    for (const task of tasks.tasks) {
      expect(task.args.slice(0, 3), task.label).toEqual(['elb-lint', '--format', 'compact']);
      expect(task.problemMatcher.fileLocation).toEqual(['relative', '${workspaceFolder}']);
      expect(lines.map((line) => apply(task.problemMatcher.pattern, line)), task.label).toEqual(expected);
    }
  });
});
