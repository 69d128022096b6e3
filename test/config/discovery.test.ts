// Which configuration file a run finds (config.md): `.elb-lint.yaml` or `elb-lint.yaml` first,
// else a `rules.yaml` that is an elb-lint configuration, from the working directory up to the
// repository root and never above it. The linted repository is untrusted (docs/security.md):
// a file above the checkout must not turn rules off, another tool's rules.yaml must not break
// the run, and a configuration must not read (or print) files outside the repository.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configErrors, json, lbBody, project } from '../support/config-helpers.js';
import { runCli } from '../support/helpers.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'elb-lint.cjs');
/** schema/unknown-field (error) at /loadbalancer/colour, unless a configuration turns it off. */
const BAD_LB = json(lbBody({ colour: 'blue' }));
const TURN_OFF = 'rules:\n  schema/unknown-field: off\n';
const PROMETHEUS = 'groups:\n  - name: elb\n    rules:\n      - alert: ElbDown\n        expr: up == 0\n';
const GIT = { '.git/HEAD': 'ref: refs/heads/main\n' };

async function ruleIds(args: string[], cwd: string): Promise<{ code: number; ids: string[]; stderr: string }> {
  const result = await runCli(['--format', 'json', ...args], { cwd });
  if (result.stdout === '') throw new Error(`no JSON report (exit ${result.code}): ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string }[] }[] };
  return { code: result.code, ids: report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId)), stderr: result.stderr };
}

describe('the search stops at the repository root', () => {
  it('a rules.yaml above the directory holding .git never applies', async () => {
    const cwd = project({ 'rules.yaml': TURN_OFF, ...Object.fromEntries(Object.entries(GIT).map(([path, text]) => [`repo/${path}`, text])), 'repo/lb.json': BAD_LB });
    const run = await ruleIds(['--debug', 'lb.json'], join(cwd, 'repo'));
    expect(run.ids).toEqual(['schema/unknown-field']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('configuration: built-in recommended preset');
  });

  it('also when .git is a file (a worktree or submodule), and from a subdirectory of the repository', async () => {
    const cwd = project({ 'rules.yaml': TURN_OFF, 'repo/.git': 'gitdir: ../elsewhere\n', 'repo/templates/lb.json': BAD_LB });
    expect((await ruleIds(['lb.json'], join(cwd, 'repo', 'templates'))).ids).toEqual(['schema/unknown-field']);
  });

  it('the repository root itself is searched, from any directory below it', async () => {
    const cwd = project({ ...GIT, 'rules.yaml': TURN_OFF, 'templates/deep/lb.json': BAD_LB });
    expect((await ruleIds(['lb.json'], join(cwd, 'templates', 'deep'))).ids).toEqual([]);
  });
});

describe('which file is the configuration', () => {
  it('prefers .elb-lint.yaml, then elb-lint.yaml, then rules.yaml in the same directory', async () => {
    const noisy = 'rules:\n  schema/unknown-field: warning\n';
    const all = project({ ...GIT, '.elb-lint.yaml': TURN_OFF, 'elb-lint.yaml': noisy, 'rules.yaml': noisy, 'lb.json': BAD_LB });
    expect((await ruleIds(['lb.json'], all)).ids).toEqual([]);
    const two = project({ ...GIT, 'elb-lint.yaml': TURN_OFF, 'rules.yaml': noisy, 'lb.json': BAD_LB });
    expect((await ruleIds(['lb.json'], two)).ids).toEqual([]);
  });

  it('a nearer rules.yaml wins over an .elb-lint.yaml further up', async () => {
    const cwd = project({ ...GIT, '.elb-lint.yaml': 'rules:\n  schema/unknown-field: warning\n', 'team/rules.yaml': TURN_OFF, 'team/lb.json': BAD_LB });
    expect((await ruleIds(['lb.json'], join(cwd, 'team'))).ids).toEqual([]);
  });

  it("another tool's rules.yaml (Prometheus) is passed over, listed by --debug, and the search goes on", async () => {
    const cwd = project({ ...GIT, 'elb-lint.yaml': TURN_OFF, 'infra/rules.yaml': PROMETHEUS, 'infra/lb.json': BAD_LB });
    const run = await ruleIds(['--debug', 'lb.json'], join(cwd, 'infra'));
    expect(run.code).toBe(0);
    expect(run.ids).toEqual([]);
    expect(run.stderr).toContain('elb-lint: configuration: passed over rules.yaml: its top-level key "groups" is not an elb-lint setting');
    expect(run.stderr).toContain('configuration: ../elb-lint.yaml');
  });

  it("another tool's rules.yaml alone: the built-in preset, exit by the findings, never 2", async () => {
    for (const text of [PROMETHEUS, '- just\n- a list\n', `${'#'.repeat(2 * 1024 * 1024)}\n`]) {
      const cwd = project({ ...GIT, 'rules.yaml': text, 'lb.json': BAD_LB });
      const run = await ruleIds(['--debug', 'lb.json'], cwd);
      expect(run.code).toBe(1);
      expect(run.ids).toEqual(['schema/unknown-field']);
      expect(run.stderr).toMatch(/configuration: passed over rules\.yaml: /);
    }
  });

  it('--print-config finds the same file as a run', async () => {
    const cwd = project({ ...GIT, 'rules.yaml': PROMETHEUS, 'sub/elb-lint.yaml': TURN_OFF, 'sub/lb.json': BAD_LB });
    const result = await runCli(['--print-config', 'lb.json'], { cwd: join(cwd, 'sub') });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { config: string }).config).toBe('elb-lint.yaml');
    const root = await runCli(['--print-config', 'sub/lb.json'], { cwd });
    expect((JSON.parse(root.stdout) as { config: string }).config).toBe('built-in recommended preset');
  });

  it('an explicit --config of another tool still fails loudly (exit 2)', async () => {
    const cwd = project({ 'prometheus/rules.yaml': PROMETHEUS, 'lb.json': BAD_LB });
    expect(await configErrors(['--config', 'prometheus/rules.yaml', 'lb.json'], cwd)).toEqual([
      expect.stringMatching(/^prometheus\/rules\.yaml:1:1: unknown key "groups" in the configuration/),
    ]);
  });

  it('a configuration file that is a symlink out of the repository is passed over', async () => {
    const cwd = project({ 'outside/rules.yaml': TURN_OFF, ...Object.fromEntries(Object.entries(GIT).map(([path, text]) => [`repo/${path}`, text])), 'repo/lb.json': BAD_LB });
    symlinkSync(join(cwd, 'outside', 'rules.yaml'), join(cwd, 'repo', '.elb-lint.yaml'));
    const run = await ruleIds(['--debug', 'lb.json'], join(cwd, 'repo'));
    expect(run.ids).toEqual(['schema/unknown-field']);
    expect(run.stderr).toContain('passed over .elb-lint.yaml: it is a symlink to a file outside the repository');
  });
});

describe('extends and flavors name files inside the repository only, and never print another file', () => {
  const SECRET = 'db_password: hunter2\napi_token: s3cr3t-t0ken\n';

  it.each([
    ['a path above the repository', (cwd: string) => ({ extends: '../secret.env', setup: () => writeFileSync(join(cwd, 'secret.env'), SECRET) })],
    ['an absolute path outside it', (cwd: string) => ({ extends: join(cwd, 'secret.env'), setup: () => writeFileSync(join(cwd, 'secret.env'), SECRET) })],
    ['a symlink in the repository that leads out of it', (cwd: string) => ({
      extends: 'base.yaml',
      setup: () => {
        writeFileSync(join(cwd, 'secret.env'), SECRET);
        symlinkSync(join(cwd, 'secret.env'), join(cwd, 'repo', 'base.yaml'));
      },
    })],
  ])('extends: %s is a configuration error that shows nothing of the file', async (_name, make) => {
    const cwd = project({ 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/lb.json': BAD_LB });
    const { extends: target, setup } = make(cwd);
    setup();
    writeFileSync(join(cwd, 'repo', '.elb-lint.yaml'), `extends: ${target}\n`);
    const errors = await configErrors(['lb.json'], join(cwd, 'repo'));
    expect(errors).toEqual([`.elb-lint.yaml:1:10: extends: "${target}" lies outside the repository; a configuration in the repository extends only files inside it.`]);
    expect(errors.join('\n')).not.toMatch(/hunter2|s3cr3t|db_password|api_token/);
  });

  it('extends: a file in the repository that is not a configuration is named, its keys are not', async () => {
    const cwd = project({ ...GIT, '.elb-lint.yaml': 'extends: deploy/secrets.yaml\n', 'deploy/secrets.yaml': SECRET, 'lb.json': BAD_LB });
    expect(await configErrors(['lb.json'], cwd)).toEqual([
      '.elb-lint.yaml:1:10: extends: "deploy/secrets.yaml" is not an elb-lint configuration: none of its top-level keys is one of extends, include, ignore, kinds, flavors, placeholders, rules, overrides, policies.',
    ]);
  });

  it('flavors: a catalog outside the repository is refused unread', async () => {
    const cwd = project({ 'catalog.json': '{"flavors": "hunter2"}\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/lb.json': BAD_LB });
    writeFileSync(join(cwd, 'repo', '.elb-lint.yaml'), 'flavors: ../catalog.json\n');
    const errors = await configErrors(['lb.json'], join(cwd, 'repo'));
    expect(errors).toEqual(['.elb-lint.yaml:1:10: flavors: "../catalog.json" lies outside the repository; a configuration in the repository names only files inside it.']);
  });

  it('a configuration the user names outside the repository may extend files beside it', async () => {
    const cwd = project({ 'org/base.yaml': TURN_OFF, 'org/team.yaml': 'extends: base.yaml\n', ...Object.fromEntries(Object.entries(GIT).map(([path, text]) => [`repo/${path}`, text])), 'repo/lb.json': BAD_LB });
    expect((await ruleIds(['--config', '../org/team.yaml', 'lb.json'], join(cwd, 'repo'))).ids).toEqual([]);
  });
});

describe('special files as extends and flavors never block or fill the memory', () => {
  // Spawned with a timeout: opening a FIFO without O_NONBLOCK waits for a writer forever.
  function spawnLint(args: string[], cwd: string) {
    return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  }

  it('a FIFO as extends or flavors: exit 2, "not a regular file"', () => {
    for (const config of ['extends: pipe.yaml\n', 'flavors: pipe.yaml\n']) {
      const cwd = project({ ...GIT, '.elb-lint.yaml': config, 'lb.json': BAD_LB });
      expect(spawnSync('mkfifo', [join(cwd, 'pipe.yaml')]).status).toBe(0);
      const result = spawnLint(['lb.json'], cwd);
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('it is not a regular file');
    }
  });

  it('a FIFO where the configuration is looked for: .elb-lint.yaml is an error (exit 2), rules.yaml is passed over', () => {
    const named = project({ ...GIT, 'lb.json': BAD_LB });
    expect(spawnSync('mkfifo', [join(named, '.elb-lint.yaml')]).status).toBe(0);
    const loud = spawnLint(['lb.json'], named);
    expect(loud.error).toBeUndefined();
    expect(loud.status).toBe(2);
    expect(loud.stderr).toContain('.elb-lint.yaml: cannot read the configuration file: it is not a regular file.');
    const shared = project({ ...GIT, 'lb.json': BAD_LB });
    expect(spawnSync('mkfifo', [join(shared, 'rules.yaml')]).status).toBe(0);
    const passed = spawnLint(['--debug', 'lb.json'], shared);
    expect(passed.error).toBeUndefined();
    expect(passed.status).toBe(1);
    expect(passed.stderr).toContain('configuration: passed over rules.yaml: cannot read it: it is not a regular file');
  });

  it('--flavors /dev/zero and a FIFO named with --flavors: exit 2, nothing read', () => {
    const cwd = project({ 'lb.json': BAD_LB });
    mkdirSync(join(cwd, 'fifo'));
    expect(spawnSync('mkfifo', [join(cwd, 'fifo', 'flavors.json')]).status).toBe(0);
    for (const file of ['/dev/zero', 'fifo/flavors.json']) {
      const result = spawnLint(['--flavors', file, 'lb.json'], cwd);
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('it is not a regular file');
    }
  });
});
