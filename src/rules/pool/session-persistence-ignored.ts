import { POOL_PROTOCOL, POOL_SESSION_PERSISTENCE_COOKIE_NAME, POOL_SESSION_PERSISTENCE_PERSISTENCE_TIMEOUT, POOL_SESSION_PERSISTENCE_TYPE } from '../pointers.js';
import { defineRule, type DocumentEdit } from '../rule.js';
import { removeField } from '../utils.js';

export default defineRule({
  id: 'pool/session-persistence-ignored',
  severity: 'warning',
  description: 'Session-persistence settings the API ignores: timeout with APP_COOKIE, cookie types on TCP/UDP pools.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const protocol = context.string(POOL_PROTOCOL);
    const type = context.string(POOL_SESSION_PERSISTENCE_TYPE);

    if ((protocol === 'TCP' || protocol === 'UDP') && (type === 'HTTP_COOKIE' || type === 'APP_COOKIE')) {
      const hasCookieName = context.has(POOL_SESSION_PERSISTENCE_COOKIE_NAME);
      const toSourceIp: DocumentEdit[] = [{ replaceValue: POOL_SESSION_PERSISTENCE_TYPE, json: 'SOURCE_IP' }, ...(hasCookieName ? [{ remove: POOL_SESSION_PERSISTENCE_COOKIE_NAME }] : [])];
      context.report({
        pointer: POOL_SESSION_PERSISTENCE_TYPE,
        message: `session_persistence.type is "${type}", but on a ${protocol} pool the type is ignored and only source-IP stickiness applies. Set session_persistence.type to "SOURCE_IP"${hasCookieName ? ' and remove cookie_name' : ''}.`,
        suggestions: [{ desc: `Set session_persistence.type to "SOURCE_IP"${hasCookieName ? ' and remove cookie_name' : ''}`, fix: toSourceIp }],
      });
    }
    if (type === 'APP_COOKIE' && context.hasValid(POOL_SESSION_PERSISTENCE_PERSISTENCE_TIMEOUT)) {
      context.report({
        pointer: POOL_SESSION_PERSISTENCE_PERSISTENCE_TIMEOUT,
        message: 'session_persistence.persistence_timeout is set, but session_persistence.type is "APP_COOKIE", where the application\'s cookie decides how long a session lasts and the timeout has no effect. Remove persistence_timeout.',
        suggestions: [removeField(POOL_SESSION_PERSISTENCE_PERSISTENCE_TIMEOUT)],
      });
    }
  },
});
