// The flavor catalog (`flavors:` in rules.yaml, `--flavors FILE`): where it is read from, which
// wins, what a broken catalog says, and both flavor rules with and without it. The rules' own
// cases are in test/cases/lb/flavor-catalog and test/cases/lb/flavor-billing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configErrors, findingsOf, json, lbBody, project, summary } from '../support/config-helpers.js';
import { runCli } from '../support/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CATALOG = readFileSync(join(ROOT, 'examples/flavors.json'), 'utf8');
const catalog = JSON.parse(CATALOG) as { flavors: { id: string; name: string; type: string; flavor_sold_out: boolean }[] };
const flavor = (name: string) => catalog.flavors.find((entry) => entry.name === name)!.id;

const L4 = flavor('L4_flavor.elb.s1.small');
const L7 = flavor('L7_flavor.elb.s1.small');
const L7_ELASTIC = flavor('L7_flavor.elb.pro.max');
const L7_SOLD_OUT = flavor('L7_flavor.elb.s2.extra-large');
const UNKNOWN = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const prepaid = { period_type: 'month', period_num: 1, auto_renew: true, auto_pay: true };

describe('the flavor catalog', () => {
  it('ships an example catalog with every current flavor type, and the examples lint the same with it', async () => {
    expect(new Set(catalog.flavors.map((entry) => entry.type))).toEqual(new Set(['L4', 'L7', 'L4_elastic_max', 'L7_elastic_max']));
    expect(catalog.flavors.some((entry) => entry.flavor_sold_out)).toBe(true);
    const without = await runCli(['-f', 'json', 'examples'], { cwd: ROOT });
    const withCatalog = await runCli(['-f', 'json', '--flavors', 'examples/flavors.json', 'examples'], { cwd: ROOT });
    expect(withCatalog.stderr).toBe('');
    expect(withCatalog.stdout).toBe(without.stdout);
  });

  it('keeps lb/flavor-catalog silent without a catalog', async () => {
    const cwd = project({ 'lb.json': json(lbBody({ l4_flavor_id: UNKNOWN, l7_flavor_id: L7_ELASTIC, prepaid_options: prepaid })) });
    const { files } = await findingsOf(['lb.json'], cwd);
    expect(files['lb.json']).toEqual([]);
  });

  it('reads `flavors:` relative to rules.yaml, and --flavors (relative to the working directory) wins', async () => {
    const other = { ...catalog, flavors: catalog.flavors.filter((entry) => entry.id !== L4) };
    const cwd = project({
      // One repository holding both: a configuration extends only files inside its repository.
      '.git/HEAD': 'ref: refs/heads/main\n',
      'config/rules.yaml': 'flavors: ../catalogs/elb-flavors.json\n',
      'catalogs/elb-flavors.json': CATALOG,
      'config/other.json': json(other),
      'config/lb.json': json(lbBody({ l7_flavor_id: L7_SOLD_OUT })),
    });
    const fromConfig = await findingsOf(['lb.json'], join(cwd, 'config'));
    expect(summary(fromConfig.files['lb.json'])).toEqual(['lb/flavor-catalog error /loadbalancer/l7_flavor_id']);
    const fromCli = await findingsOf(['--flavors', 'other.json', 'lb.json'], join(cwd, 'config'));
    expect(summary(fromCli.files['lb.json'])).toEqual(['lb/flavor-catalog error /loadbalancer/l4_flavor_id', 'lb/flavor-catalog error /loadbalancer/l7_flavor_id']);
    expect(fromCli.files['lb.json']?.[0]?.message).toBe(
      `l4_flavor_id is "${L4}", which is not in the flavor catalog other.json (7 flavors). Use the id of an L4 flavor from GET /v3/{project_id}/elb/flavors?type=L4, or save the catalog again if the flavor is new.`,
    );
    const printed = JSON.parse((await runCli(['--print-config', 'lb.json'], { cwd: join(cwd, 'config') })).stdout) as { flavors: string };
    expect(printed.flavors).toBe('../catalogs/elb-flavors.json');
  });

  it('runs both flavor rules with a catalog: unknown, wrong layer, sold out, and elastic with prepaid', async () => {
    const cwd = project({
      'unknown.json': json(lbBody({ l4_flavor_id: UNKNOWN })),
      'swapped.json': json(lbBody({ l4_flavor_id: L7, l7_flavor_id: L4 })),
      'sold-out.json': json(lbBody({ l7_flavor_id: L7_SOLD_OUT })),
      'prepaid-elastic.json': json(lbBody({ l7_flavor_id: L7_ELASTIC, prepaid_options: prepaid })),
      'fine.json': json(lbBody({ l7_flavor_id: L7_ELASTIC })),
    });
    const { files } = await findingsOf(['--flavors', join(ROOT, 'examples/flavors.json'), '.'], cwd);
    expect(summary(files['unknown.json'])).toEqual(['lb/flavor-catalog error /loadbalancer/l4_flavor_id']);
    expect(summary(files['swapped.json'])).toEqual(['lb/flavor-catalog error /loadbalancer/l4_flavor_id', 'lb/flavor-catalog error /loadbalancer/l7_flavor_id']);
    expect(files['swapped.json']?.[0]?.message).toBe(
      `l4_flavor_id is "L7_flavor.elb.s1.small" (${L7}), a flavor of type L7, but l4_flavor_id takes a flavor of type L4 or L4_elastic_max. Move this ID to l7_flavor_id, and use an L4 flavor here.`,
    );
    expect(summary(files['sold-out.json'])).toEqual(['lb/flavor-catalog error /loadbalancer/l7_flavor_id']);
    expect(files['sold-out.json']?.[0]?.message).toContain('sold out');
    expect(summary(files['prepaid-elastic.json'])).toEqual(['lb/flavor-billing error /loadbalancer/l7_flavor_id']);
    expect(files['fine.json']).toEqual([]);
  });
});

describe('a broken flavor catalog', () => {
  async function catalogErrors(text: string): Promise<string[]> {
    const cwd = project({ 'flavors.json': text, 'lb.json': json(lbBody()) });
    return configErrors(['--flavors', 'flavors.json', 'lb.json'], cwd);
  }
  const entry = (changes: Record<string, unknown>) => ({ id: L4, name: 'L4_flavor.elb.s1.small', type: 'L4', flavor_sold_out: false, ...changes });

  it('reports invalid JSON at its position', async () => {
    expect(await catalogErrors('{\n  "flavors": [\n    {"id": "a", "type": "L4",}\n  ]\n}\n')).toEqual([
      expect.stringMatching(/^flavors\.json:3:29: the flavor catalog is not valid JSON: /),
    ]);
  });

  it('reports a file that is not a flavors response', async () => {
    const expected = 'a flavor catalog is the saved response of GET /v3/{project_id}/elb/flavors: an object with a "flavors" list, e.g. {"flavors": [{"id": "…", "type": "L4", …}]}.';
    expect(await catalogErrors('[]\n')).toEqual([`flavors.json:1:1: ${expected}`]);
    expect(await catalogErrors('{\n  "flavors": {}\n}\n')).toEqual([`flavors.json:2:3: ${expected}`]);
  });

  it('reports each bad flavor at its field', async () => {
    const text = json({
      flavors: [entry({}), 'L7', entry({ id: undefined }), entry({ id: 'x', type: 7 }), entry({ id: 'y', flavor_sold_out: 'no' }), entry({ id: 'z', name: 1 }), entry({})],
    });
    expect(await catalogErrors(text)).toEqual([
      'flavors.json:9:5: flavors[1] must be an object, not the string "L7".',
      'flavors.json:10:5: flavors[2].id must be a non-empty string (it is missing).',
      'flavors.json:18:7: flavors[3].type must be a flavor type such as "L4" or "L7_elastic_max", not the integer 7.',
      'flavors.json:25:7: flavors[4].flavor_sold_out must be true or false, not the string "no".',
      'flavors.json:29:7: flavors[5].name must be a string, not the integer 1.',
      `flavors.json:34:7: flavors[6].id "${L4}" is also the id of flavors[0]; each flavor appears once.`,
    ]);
  });

  it('reports a duplicate key, and a catalog that cannot be read', async () => {
    expect(await catalogErrors('{"flavors": [], "flavors": []}\n')).toEqual(['flavors.json:1:17: "flavors" appears twice in one object.']);
    const cwd = project({ 'lb.json': json(lbBody()) });
    expect(await configErrors(['--flavors', 'nope.json', 'lb.json'], cwd)).toEqual([
      `elb-lint: --flavors: cannot read the flavor catalog "${join(cwd, 'nope.json')}": no such file or directory.`,
    ]);
  });

  it('reports a broken catalog named in rules.yaml in the catalog itself', async () => {
    const cwd = project({ 'rules.yaml': 'flavors: elb/flavors.json\n', 'elb/flavors.json': '{"flavors": [{"id": 1, "type": "L4"}]}', 'lb.json': json(lbBody()) });
    expect(await configErrors(['lb.json'], cwd)).toEqual(['elb/flavors.json:1:15: flavors[0].id must be a non-empty string, not the integer 1.']);
  });
});
