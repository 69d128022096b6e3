// JSON Schema of `POST /v3/{project_id}/elb/loadbalancers` (elb-api-facts.md §2.0–2.7, newest
// source). Fields whose only rule is a fixed value (guaranteed, provider, admin_state_up) and the
// prepaid period (range by period_type) are typed here and judged by semantic rules.

import { PROJECT_ID, arrayOf, boolean, formatted, integer, object, oneOf, patterned, requestBody, string } from './fields.js';

const tag = object(
  {
    key: string('Tag key, 1–36 characters.', { min: 1, max: 36 }),
    value: string('Tag value, 0–43 characters.', { max: 43 }),
  },
  [],
  'A resource tag.',
);

const bandwidth = object(
  {
    id: string('ID of an existing shared bandwidth; when set, name, size, charge_mode and share_type are ignored.', { max: 36 }),
    size: integer('Bandwidth in Mbit/s, 1–2000 (regions may allow less).', { min: 1, max: 2000 }),
    charge_mode: oneOf('Billed by bandwidth or by traffic.', ['bandwidth', 'traffic']),
    share_type: oneOf('PER (dedicated bandwidth) or WHOLE (shared bandwidth, needs id).', ['PER', 'WHOLE']),
    name: patterned(
      'Bandwidth name; required when share_type is PER.',
      '^[\\p{Script=Han}A-Za-z0-9_.-]*$',
      'must contain only letters, digits, Chinese characters, "_", "-" and "."',
      { min: 1, max: 64 },
    ),
    billing_info: string('Yearly/monthly order (hws only); use loadbalancer.prepaid_options instead.'),
  },
  [],
  'Bandwidth of the new EIP.',
);

const publicIp = object(
  {
    network_type: string('EIP type, e.g. 5_bgp.', { min: 1, max: 36 }),
    bandwidth,
    ip_version: { type: 'integer', enum: [4, 6], description: 'EIP IP version: the integer 4 or 6 (default 4).' },
    billing_info: string('Yearly/monthly order (hws only); use loadbalancer.prepaid_options instead.'),
    description: string('EIP description.', { min: 1, max: 255 }),
  },
  ['network_type', 'bandwidth'],
  'Creates a new EIP and binds it to the load balancer.',
);

const prepaidOptions = object(
  {
    period_type: oneOf('Billing period unit.', ['month', 'year']),
    period_num: integer('Number of periods: 1–9 months or 1–3 years.'),
    auto_renew: boolean('Renew automatically at the end of the period.'),
    auto_pay: boolean('Pay the order automatically from the account balance.'),
  },
  ['period_type'],
  'Yearly/monthly billing; only for fixed-specification (L4/L7) flavors.',
);

const autoscaling = object(
  {
    enable: boolean('Turn elastic scaling on (deprecated).'),
    min_l7_flavor_id: string('Minimum L7 elastic flavor (deprecated).'),
  },
  ['enable'],
  'Deprecated elastic scaling; do not use.',
);

const loadbalancer = object(
  {
    availability_zone_list: arrayOf(string('Availability-zone code.'), 'Availability zones, all from one AZ set; two or more are advised.', { min: 1, unique: true }),
    name: string('Load balancer name.', { max: 255 }),
    description: string('Load balancer description.', { max: 255 }),
    project_id: PROJECT_ID,
    vpc_id: formatted('VPC of the load balancer (UUID).', 'uuid'),
    vip_subnet_cidr_id: formatted('IPv4 subnet ID of the VIP (UUID).', 'uuid'),
    vip_address: formatted('Private IPv4 VIP; needs vip_subnet_cidr_id.', 'ipv4'),
    ipv6_vip_virsubnet_id: formatted('Network ID of the IPv6-enabled subnet (UUID).', 'uuid'),
    ipv6_vip_address: formatted('IPv6 VIP; needs ipv6_vip_virsubnet_id.', 'ipv6'),
    l4_flavor_id: formatted('Layer-4 flavor ID (UUID).', 'uuid'),
    l7_flavor_id: formatted('Layer-7 flavor ID (UUID).', 'uuid'),
    guaranteed: boolean('Must be true (dedicated load balancer).'),
    provider: { type: 'string', description: 'Must be "vlb"; no need to send it.' },
    admin_state_up: boolean('Must be true.'),
    enterprise_project_id: string('Enterprise project ID; must not be empty.'),
    tags: arrayOf(tag, 'Resource tags.'),
    billing_info: string('Yearly/monthly order string (hws only); use prepaid_options instead.'),
    prepaid_options: prepaidOptions,
    ipv6_bandwidth: object({ id: string('ID of an existing shared bandwidth.') }, ['id'], 'Shared bandwidth of a public IPv6 load balancer.'),
    publicip_ids: arrayOf(string('EIP ID.'), 'Existing EIPs to bind; only the first is used.'),
    publicip: publicIp,
    elb_virsubnet_ids: arrayOf(string('Network ID.'), 'Backend subnets (network IDs) in the load balancer VPC.'),
    ip_target_enable: boolean('Allow IP-type (cross-VPC) backends; cannot be turned off later.'),
    deletion_protection_enable: boolean('Protect the load balancer against deletion.'),
    autoscaling,
    waf_failure_action: oneOf('Unsupported; do not use.', ['discard', 'forward']),
    protection_status: oneOf('Console modification protection.', ['nonProtection', 'consoleProtection']),
    protection_reason: patterned('Why console protection is on.', '^[^<>]*$', 'must not contain "<" or ">"', { max: 255 }),
    charge_mode: oneOf('Ignored for dedicated load balancers; billing follows the flavor types.', ['flavor', 'lcu']),
    loadbalancer_type: oneOf('Only "gateway" (a gateway load balancer); omit it otherwise.', ['gateway']),
    gw_flavor_id: string('Gateway flavor ID; required with loadbalancer_type gateway.'),
  },
  ['availability_zone_list'],
  'The load balancer to create.',
);

export const loadBalancerSchema = requestBody('loadbalancer', loadbalancer, 'Huawei Cloud ELB v3: create load balancer request body');
