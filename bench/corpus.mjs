// Deterministic corpora of realistic ELB request bodies for the benchmark: both kinds, about 10 %
// (or any share asked for) with a realistic mistake. Each mistake records the rule that must find it, so the benchmark can
// prove that speed never comes from skipping work.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32), so every run lints the same files. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(next) {
  const hex = () => Math.floor(next() * 16).toString(16);
  const part = (n) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}

function pick(next, values) {
  return values[Math.floor(next() * values.length)];
}

function loadBalancer(next, index) {
  const body = {
    loadbalancer: {
      name: `app-${index}-lb`,
      description: `Load balancer ${index} of the benchmark estate`,
      vpc_id: uuid(next),
      vip_subnet_cidr_id: uuid(next),
      availability_zone_list: ['ap-southeast-1a', 'ap-southeast-1b'],
      l4_flavor_id: uuid(next),
      l7_flavor_id: uuid(next),
      deletion_protection_enable: next() < 0.5,
      tags: [{ key: 'env', value: pick(next, ['prod', 'staging', 'dev']) }, { key: 'team', value: `team-${index % 17}` }],
    },
  };
  if (next() < 0.4) {
    body.loadbalancer.publicip = {
      network_type: '5_bgp',
      ip_version: 4,
      bandwidth: { name: `app-${index}-bw`, size: pick(next, [10, 50, 100, 200]), share_type: 'PER', charge_mode: pick(next, ['bandwidth', 'traffic']) },
    };
  }
  if (next() < 0.3) body.loadbalancer.prepaid_options = { period_type: 'month', period_num: 1 + Math.floor(next() * 9), auto_renew: true, auto_pay: true };
  return body;
}

function pool(next, index) {
  const subnet = uuid(next);
  const port = pick(next, [80, 443, 8080, 8443]);
  return {
    pool: {
      name: `app-${index}-ms`,
      description: `Active/standby pool ${index}`,
      protocol: 'TCP',
      lb_algorithm: pick(next, ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']),
      type: 'instance',
      vpc_id: uuid(next),
      loadbalancer_id: uuid(next),
      members: [
        { name: `app-${index}-a`, address: `192.168.${index % 250}.10`, protocol_port: port, subnet_cidr_id: subnet, role: 'master' },
        { name: `app-${index}-b`, address: `192.168.${index % 250}.11`, protocol_port: port, subnet_cidr_id: subnet, role: 'slave' },
      ],
      healthmonitor: { type: 'HTTP', delay: 5, timeout: 3, max_retries: 3, max_retries_down: 3, url_path: '/healthz', expected_codes: '200-204' },
    },
  };
}

/** Realistic mistakes, each with the rule that must report it. */
const MISTAKES = [
  { kind: 'pool', ruleId: 'pool/healthmonitor-range', apply: (b) => { b.pool.healthmonitor.delay = 60; } },
  { kind: 'pool', ruleId: 'pool/healthmonitor-timeout', apply: (b) => { b.pool.healthmonitor.timeout = 10; } },
  { kind: 'pool', ruleId: 'schema/unknown-field', apply: (b) => { b.pool.healthmonitor.max_retry = b.pool.healthmonitor.max_retries_down; delete b.pool.healthmonitor.max_retries_down; } },
  { kind: 'pool', ruleId: 'schema/enum', apply: (b) => { b.pool.protocol = 'tcp'; } },
  { kind: 'pool', ruleId: 'pool/any-port', apply: (b) => { delete b.pool.members[1].protocol_port; } },
  { kind: 'lb', ruleId: 'lb/prepaid-period', apply: (b) => { b.loadbalancer.prepaid_options = { period_type: 'month', period_num: 12 }; } },
  { kind: 'lb', ruleId: 'lb/flavor-billing', apply: (b) => { b.loadbalancer.prepaid_options = { period_type: 'year', period_num: 1 }; b.loadbalancer.autoscaling = { enable: true }; } },
  { kind: 'lb', ruleId: 'schema/format', apply: (b) => { b.loadbalancer.vpc_id = 'vpc-prod-01'; } },
  { kind: 'lb', ruleId: 'schema/type', apply: (b) => { b.loadbalancer.availability_zone_list = 'ap-southeast-1a'; } },
];

/**
 * `count` bodies as texts, with their paths (in subfolders of 1,000, like a real estate) and the
 * rule that must report each planted mistake. `dirty` is the share of files that get one
 * (semantic and schema mistakes alike).
 */
export function corpusBodies(count, seed = 42, dirty = 0.1) {
  const next = random(seed + count);
  const bodies = [];
  for (let index = 0; index < count; index++) {
    const isPool = index % 2 === 1;
    const body = isPool ? pool(next, index) : loadBalancer(next, index);
    const folder = `${isPool ? 'pools' : 'loadbalancers'}/batch-${Math.floor(index / 1000)}`;
    const name = `${folder}/${isPool ? 'pool' : 'lb'}-${String(index).padStart(5, '0')}.json`;
    let ruleId;
    if (next() < dirty) {
      const mistake = pick(next, MISTAKES.filter((candidate) => candidate.kind === (isPool ? 'pool' : 'lb')));
      mistake.apply(body);
      ruleId = mistake.ruleId;
    }
    bodies.push({ folder, name, text: `${JSON.stringify(body, null, 2)}\n`, ruleId });
  }
  return bodies;
}

/**
 * Writes `count` bodies under `directory` and returns the expected findings:
 * { [relativePath]: ruleId } for the files with a mistake.
 */
export function writeCorpus(directory, count, seed = 42, dirty = 0.1) {
  const mistakes = {};
  for (const { folder, name, text, ruleId } of corpusBodies(count, seed, dirty)) {
    if (ruleId) mistakes[name] = ruleId;
    mkdirSync(join(directory, folder), { recursive: true });
    writeFileSync(join(directory, name), text);
  }
  return mistakes;
}
