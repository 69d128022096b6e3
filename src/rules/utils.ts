// Helpers the semantic rules share.

import { fieldName, isObject, pointerText, type Pointer, type PointerLike } from '../json/pointer.js';
import { LB_PUBLICIP_BANDWIDTH_ID, POOL_MEMBERS } from './pointers.js';
import type { DocumentSuggestion, RuleContext } from './rule.js';

/** A member of a master-slave pool: its pointer (`/pool/members/<index>`) and index. */
export interface PoolMember {
  readonly at: Pointer;
  readonly index: number;
}

/** The members of a master-slave pool that are objects, with their pointers. */
export function poolMembers(context: RuleContext): readonly PoolMember[] {
  const members = context.array(POOL_MEMBERS);
  if (members === undefined) return [];
  // Several rules ask for the members of the same body: worked out once per members array.
  let found = MEMBERS_OF.get(members);
  if (found === undefined) {
    found = [];
    for (let index = 0; index < members.length; index++) {
      if (isObject(members[index])) found.push(poolMember(index));
    }
    MEMBERS_OF.set(members, found);
  }
  return found;
}

const MEMBERS_OF = new WeakMap<readonly unknown[], PoolMember[]>();

// Made once per index: every pool body has the same two members' pointers. A hostile body with a
// million members gets fresh ones past the first few.
const MEMBERS_BY_INDEX: PoolMember[] = [];
const REMEMBERED_MEMBERS = 16;

function poolMember(index: number): PoolMember {
  if (index >= REMEMBERED_MEMBERS) return { at: POOL_MEMBERS.child(index), index };
  return (MEMBERS_BY_INDEX[index] ??= Object.freeze({ at: POOL_MEMBERS.child(index), index }));
}

/** "between 1 and 50" style range check; undefined values are not judged. */
export function outside(value: number | undefined, min: number, max: number): value is number {
  return value !== undefined && (value < min || value > max);
}

/** The private IPv4 ranges an IP-type (cross-VPC) backend may use, as messages name them. */
export const PRIVATE_IPV4_RANGES = '10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16';

/** An address the schema accepted as an IP: IPv6 literals are the ones with a colon. */
export function isIPv6Address(address: string): boolean {
  return address.includes(':');
}

/** True for a dotted IPv4 address in 10/8, 172.16/12 or 192.168/16. */
export function isPrivateIPv4(address: string): boolean {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address)?.slice(1).map(Number);
  if (!octets || octets.some((octet) => octet > 255)) return false;
  const [a, b] = octets as [number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** One spelling per address, so "2001:DB8::1" and "2001:db8:0:0:0:0:0:1" compare equal. */
export function canonicalAddress(address: string): string {
  if (!isIPv6Address(address)) return address;
  try {
    return new URL(`http://[${address}]/`).hostname;
  } catch {
    return address.toLowerCase();
  }
}

/**
 * Whether `publicip.bandwidth.id` names an existing bandwidth: `set` for a non-empty ID, `absent`
 * when it is missing or `""` (rules.md: an empty ID counts as absent), `unknown` when its value is
 * a placeholder or one the schema reported, so the bandwidth rules stay silent.
 */
export function bandwidthId(context: RuleContext): 'set' | 'absent' | 'unknown' {
  if (!context.has(LB_PUBLICIP_BANDWIDTH_ID)) return 'absent';
  const id = context.string(LB_PUBLICIP_BANDWIDTH_ID);
  if (id === undefined) return 'unknown';
  return id === '' ? 'absent' : 'set';
}

/** The suggestion to remove a field the API ignores or discourages: `Remove healthmonitor.url_path`. */
export function removeField(at: PointerLike): DocumentSuggestion {
  return { desc: `Remove ${fieldName(pointerText(at))}`, fix: { remove: at } };
}
