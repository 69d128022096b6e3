// JSON Schema of `POST /v3/{project_id}/elb/master-slave-pools` (elb-api-facts.md §1.0–1.6,
// newest source). Ranges that depend on other fields (health-monitor timings, persistence
// timeout) belong to semantic rules, so the schema checks only their type.
// A pattern next to a minimum length also accepts "": an empty string is one violation, and
// minLength (schema/length) is the one finding that reports it.

import { PROJECT_ID, arrayOf, boolean, formatted, integer, object, oneOf, patterned, requestBody, string } from './fields.js';

const member = object(
  {
    address: formatted('IPv4 or IPv6 address of the backend server. Without subnet_cidr_id: a private IPv4 address (IP-type backend).', 'ip'),
    role: oneOf('master or slave; the pool needs one of each.', ['master', 'slave']),
    protocol_port: integer('Backend port, 1–65535. Ignored (and may be omitted) when any_port_enable is true.', { min: 1, max: 65535 }),
    subnet_cidr_id: string('IPv4 or IPv6 subnet ID of the backend server; omit it for an IP-type backend.', { max: 36 }),
    name: string('Backend server name.', { max: 255 }),
    admin_state_up: boolean('Effectively read-only; omit it.'),
  },
  ['address', 'role'],
  'A backend server of the master-slave pool.',
);

const healthMonitor = object(
  {
    type: oneOf('Health-check protocol. UDP and QUIC pools: UDP_CONNECT; TCP and TLS pools: TCP, HTTP or HTTPS.', ['TCP', 'UDP_CONNECT', 'HTTP', 'HTTPS']),
    delay: integer('Seconds between checks, 1–50.'),
    timeout: integer('Seconds to wait for a reply, 1–50; keep it below delay.'),
    max_retries: integer('Consecutive successes before a member goes ONLINE, 1–10.'),
    max_retries_down: integer('Consecutive failures before a member goes OFFLINE, 1–10 (default 3).'),
    monitor_port: { type: ['integer', 'null'], minimum: 1, maximum: 65535, description: 'Port to check, 1–65535; null uses the member port. Needed when any_port_enable is true.' },
    domain_name: patterned(
      'HTTP Host header of the check (HTTP/HTTPS checks only).',
      '^(?:[A-Za-z0-9][A-Za-z0-9.-]*)?$',
      'must start with a letter or digit and contain only letters, digits, "-" and "."',
      { min: 1, max: 100 },
    ),
    url_path: patterned(
      'Request path of the check (HTTP/HTTPS checks only), default "/".',
      "^(?:/[A-Za-z0-9\\-/.%?#&_;~!()*\\[\\]@$^:',+]*)?$",
      'must start with "/" and contain only letters, digits and - / . % ? # & _ ; ~ ! ( ) * [ ] @ $ ^ : \' , +',
      { min: 1, max: 80 },
    ),
    http_method: oneOf('HTTP method of the check (HTTP/HTTPS checks only), default GET.', ['GET', 'HEAD', 'POST']),
    expected_codes: patterned(
      'Status codes that count as healthy (HTTP/HTTPS checks only), default 200.',
      '^(?:[0-9]{3}(?:-[0-9]{3}|(?:,[0-9]{3})*))?$',
      'must be a status code (200), a comma-separated list (200,202) or a range (200-204)',
      { min: 1, max: 64 },
    ),
    name: string('Health-check name.', { max: 255 }),
  },
  ['type', 'delay', 'timeout', 'max_retries'],
  'The health check; always on for master-slave pools.',
);

const sessionPersistence = object(
  {
    type: oneOf('Stickiness type. QUIC pools: SOURCE_IP; TCP/UDP pools use source-IP stickiness whatever the type.', ['SOURCE_IP', 'HTTP_COOKIE', 'APP_COOKIE']),
    cookie_name: string('Cookie name; only with type APP_COOKIE.', { max: 1024 }),
    persistence_timeout: integer('Minutes: 1–60 on TCP/UDP/QUIC pools, 1–1440 on TLS pools; no effect with APP_COOKIE.'),
  },
  ['type'],
  'Session persistence (stickiness).',
);

const connectionDrain = object(
  {
    enable: boolean('Turn connection drain on.'),
    timeout: integer('Seconds to keep connections to a removed or unhealthy member, 10–4000.', { min: 10, max: 4000 }),
  },
  [],
  'Connection drain; only for TCP, UDP and QUIC pools.',
);

const quicCidHashStrategy = object(
  {
    len: integer('Length of the connection-ID hash, 1–20 (default 3).', { min: 1, max: 20 }),
    offset: integer('Offset of the connection-ID hash, 0–19 (default 1).', { min: 0, max: 19 }),
  },
  ['len', 'offset'],
  'How QUIC connection IDs are hashed; takes effect only with lb_algorithm QUIC_CID.',
);

const pool = object(
  {
    protocol: oneOf('Backend protocol; must match the listener.', ['TCP', 'UDP', 'QUIC', 'TLS']),
    lb_algorithm: oneOf('Load-balancing algorithm; QUIC_CID only for QUIC pools.', ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP', 'QUIC_CID']),
    type: oneOf('instance (any backend; needs vpc_id) or ip (IP-type backends only; no vpc_id).', ['instance', 'ip']),
    members: arrayOf(member, 'Exactly two backend servers: one master, one slave.', { min: 2, max: 2 }),
    healthmonitor: healthMonitor,
    loadbalancer_id: string('ID of the load balancer the pool belongs to.', { min: 1, max: 36 }),
    listener_id: string('ID of a listener that has no pool yet.', { min: 1, max: 36 }),
    name: string('Pool name.', { max: 255 }),
    description: string('Pool description.', { max: 255 }),
    project_id: PROJECT_ID,
    vpc_id: string('VPC of the pool; required with type instance, not allowed with type ip.', { max: 36 }),
    ip_version: oneOf('IP version of the pool.', ['dualstack', 'v4']),
    session_persistence: sessionPersistence,
    any_port_enable: boolean('Forward to the port the client used (not on TLS pools).'),
    connection_drain: connectionDrain,
    quic_cid_hash_strategy: quicCidHashStrategy,
    enterprise_project_id: string('Enterprise project ID; must not be empty.'),
    public_border_group: string('"center" or the name of an edge site.'),
  },
  ['protocol', 'lb_algorithm', 'type', 'members', 'healthmonitor'],
  'The master-slave pool to create.',
);

export const masterSlavePoolSchema = requestBody('pool', pool, 'Huawei Cloud ELB v3: create master-slave pool request body');
