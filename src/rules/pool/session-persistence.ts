import { POOL_PROTOCOL, POOL_SESSION_PERSISTENCE, POOL_SESSION_PERSISTENCE_COOKIE_NAME, POOL_SESSION_PERSISTENCE_PERSISTENCE_TIMEOUT, POOL_SESSION_PERSISTENCE_TYPE } from '../pointers.js';
import { defineRule } from '../rule.js';
import { outside, removeField } from '../utils.js';

/** persistence_timeout range in minutes, by pool protocol (rules.md: QUIC with TCP/UDP, TLS up to a day). */
const TIMEOUT_RANGES: Record<string, { min: number; max: number }> = {
  TCP: { min: 1, max: 60 },
  UDP: { min: 1, max: 60 },
  QUIC: { min: 1, max: 60 },
  TLS: { min: 1, max: 1440 },
};

export default defineRule({
  id: 'pool/session-persistence',
  severity: 'error',
  description: 'cookie_name only with APP_COOKIE; QUIC pools need SOURCE_IP persistence; persistence_timeout in range.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const protocol = context.string(POOL_PROTOCOL);
    const type = context.string(POOL_SESSION_PERSISTENCE_TYPE);

    if (protocol === 'QUIC' && !context.has(POOL_SESSION_PERSISTENCE)) {
      context.report({
        pointer: POOL_SESSION_PERSISTENCE,
        message: 'session_persistence is missing, but the pool\'s protocol is "QUIC", and QUIC pools need source-IP persistence. Add "session_persistence": {"type": "SOURCE_IP"}.',
      });
    }
    if (protocol === 'QUIC' && type !== undefined && type !== 'SOURCE_IP') {
      context.report({
        pointer: POOL_SESSION_PERSISTENCE_TYPE,
        message: `session_persistence.type is "${type}", but a QUIC pool takes only "SOURCE_IP". Set session_persistence.type to "SOURCE_IP".`,
        suggestions: [{ desc: 'Set session_persistence.type to "SOURCE_IP"', fix: { replaceValue: POOL_SESSION_PERSISTENCE_TYPE, json: 'SOURCE_IP' } }],
      });
    }

    if (context.hasValid(POOL_SESSION_PERSISTENCE_COOKIE_NAME) && type !== undefined && type !== 'APP_COOKIE') {
      context.report({
        pointer: POOL_SESSION_PERSISTENCE_COOKIE_NAME,
        message: `session_persistence.cookie_name is set, but session_persistence.type is "${type}"; the API accepts cookie_name only with "APP_COOKIE" and rejects it otherwise. Remove cookie_name, or set type to "APP_COOKIE".`,
        suggestions: [removeField(POOL_SESSION_PERSISTENCE_COOKIE_NAME)],
      });
    }

    const range = protocol === undefined ? undefined : TIMEOUT_RANGES[protocol];
    const timeout = context.number(POOL_SESSION_PERSISTENCE_PERSISTENCE_TIMEOUT);
    if (range && outside(timeout, range.min, range.max)) {
      context.report({
        pointer: POOL_SESSION_PERSISTENCE_PERSISTENCE_TIMEOUT,
        message: `session_persistence.persistence_timeout is ${timeout}, but on a ${protocol} pool it must be between ${range.min} and ${range.max} minutes. Use ${timeout < range.min ? range.min : range.max}${timeout < range.min ? ' or more' : ' or less'}.`,
      });
    }
  },
});
