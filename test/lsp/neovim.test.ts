// A real editor: headless Neovim (Debian's `neovim`; .ci/run installs it) opens a bad request
// body, gets the server's diagnostics, requests and applies the quick fix through vim.lsp, and
// the diagnostics clear. The buffer ends up as `elb-lint --fix-dry-run` fixes the file. Without
// nvim this test fails; it never skips.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintToJson, useWorkspace } from '../support/helpers.js';
import { ROOT, SERVER } from './client.js';

const POOL = `{
  "pool": {
    "name": "web-ms",
    "lb_algorithm": "round_robin",
    "listener_id": "0b11747a-b139-492f-9692-2df0b1c87193",
    "protocol": "TCP",
    "type": "ip",
    "members": [
      { "protocol_port": 89, "address": "10.0.0.16", "role": "master" },
      { "protocol_port": 89, "address": "10.0.0.17", "role": "slave" }
    ],
    "healthmonitor": { "max_retries": 3, "type": "TCP", "timeout": 3, "delay": 5 }
  }
}
`;

interface NeovimOutcome {
  nvim: string;
  before: { code: string; source: string; lnum: number; col: number; end_lnum: number; end_col: number }[];
  titles: string[];
  preferred: string;
  text: string;
}

function runNeovim(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test/lsp/neovim/quickfix.lua')}`], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    // The Lua side ends itself after 60 s; this is the last resort.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: -1, stderr: `${stderr}\n${error.message}` });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

describe('Neovim', () => {
  const workspace = useWorkspace('elb-lint-nvim-');

  it('is installed (.ci/run installs Debian\'s neovim)', () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    expect(version.error, 'nvim is not on PATH: apt-get install neovim').toBeUndefined();
    expect(version.stdout).toMatch(/^NVIM v0\.([7-9]|\d\d)/);
  });

  it('shows the diagnostics, applies the quick fix through vim.lsp, and the diagnostics clear', async () => {
    workspace.write('pool.json', POOL);
    const { report } = await lintToJson(['--fix-dry-run', 'pool.json'], { cwd: workspace.dir });
    const fixed = report.files[0]?.output as string | undefined;
    expect(fixed).toBe(POOL.replace('"round_robin"', '"ROUND_ROBIN"'));

    const resultFile = join(workspace.dir, 'outcome.json');
    const run = await runNeovim({ ELB_NODE: process.execPath, ELB_SERVER: SERVER, ELB_FILE: join(workspace.dir, 'pool.json'), ELB_RESULT: resultFile });
    expect(run, run.stderr).toMatchObject({ code: 0 });
    const outcome = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimOutcome;
    expect(outcome.before).toEqual([{ code: 'schema/enum', source: 'elb-lint', lnum: 3, col: 4, end_lnum: 3, end_col: 33 }]);
    expect(outcome.preferred).toBe('Replace "round_robin" with "ROUND_ROBIN" (schema/enum)');
    expect(outcome.text).toBe(fixed);
    // The file on disk is untouched: the fix went into the buffer only.
    expect(readFileSync(join(workspace.dir, 'pool.json'), 'utf8')).toBe(POOL);
  }, 120_000);
});
