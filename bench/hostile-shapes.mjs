// Hostile inputs for the scaling table (bench/scaling.mjs): each shape writes its input at size n
// and says how to lint it. The table runs each at n and 10n; a linear tool takes about 10× as long.
// To add a row, add a shape: { name, n, write(dir, n) → { args, okCodes? } } (args after the CLI).

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// 66 bytes a request: 150,000 of them stay under the 10 MiB file limit.
const HTTP_REQUEST = 'POST https://e/v3/p/elb/master-slave-pools\n\n{"pool":{"typo":1}}\n';

export const SHAPES = [
  {
    name: '--format compact, one key of n spaces',
    n: 500_000,
    write(dir, n) {
      writeFileSync(join(dir, 'ws.json'), JSON.stringify({ pool: { [`a${' '.repeat(n)}b`]: 1 } }));
      return { args: ['--format', 'compact', 'ws.json'] };
    },
  },
  {
    name: 'rules.yaml with n policies and n unknown rule IDs',
    n: 300,
    write(dir, n) {
      let text = 'policies:\n';
      for (let i = 0; i < n; i++) text += `  - name: policy-number-${i}\n    given: $.pool.name\n    then: { function: truthy }\n`;
      text += 'rules:\n';
      for (let i = 0; i < n; i++) text += `  policy/policy-numbr-${i}: off\n`;
      writeFileSync(join(dir, 'rules.yaml'), text);
      writeFileSync(join(dir, 'pool.json'), '{"pool": {}}\n');
      return { args: ['pool.json'], okCodes: [2] };
    },
  },
  {
    name: 'one body with n unknown keys (10n ≈ 9 MiB)',
    n: 80_000,
    write(dir, n) {
      const keys = Array.from({ length: n }, (_, i) => `"${i.toString(36)}":0`);
      writeFileSync(join(dir, 'keys.json'), `{"loadbalancer":{${keys.join(',')}}}`);
      return { args: ['--format', `json=${join(dir, 'report.json')}`, 'keys.json'] };
    },
  },
  {
    name: 'one pool with n members (10n ≈ 6 MiB)',
    n: 6_000,
    write(dir, n) {
      const members = Array.from({ length: n }, (_, i) => ({ address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, protocol_port: 80, role: i === 0 ? 'master' : 'slave' }));
      const healthmonitor = { type: 'TCP', delay: 5, timeout: 3, max_retries: 3 };
      writeFileSync(join(dir, 'members.json'), JSON.stringify({ pool: { protocol: 'TCP', lb_algorithm: 'ROUND_ROBIN', type: 'ip', members, healthmonitor } }, null, 2));
      return { args: ['--format', `json=${join(dir, 'report.json')}`, 'members.json'] };
    },
  },
  {
    name: '.http file with n requests (10n ≈ 9.5 MiB)',
    n: 15_000,
    write(dir, n) {
      writeFileSync(join(dir, 'many.http'), Array.from({ length: n }, () => `###\n${HTTP_REQUEST}`).join(''));
      return { args: ['--format', `json=${join(dir, 'report.json')}`, 'many.http'] };
    },
  },
  {
    name: 'directory link chain, n levels of two links each (2^n paths)',
    n: 6,
    write(dir, n) {
      for (let level = 0; level <= n; level++) {
        const here = join(dir, 'chain', `d${level}`);
        mkdirSync(here, { recursive: true });
        writeFileSync(join(here, 'pool.json'), '{"pool": {}}\n');
        if (level < n) for (const link of ['a', 'b']) symlinkSync(`../d${level + 1}`, join(here, link));
      }
      return { args: ['--format', `json=${join(dir, 'report.json')}`, 'chain/d0'] };
    },
  },
];
