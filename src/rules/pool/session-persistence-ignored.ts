import { pointer } from '../../json/pointer.js';
import { defineRule, type DocumentEdit } from '../rule.js';
import { removeField } from '../utils.js';

const PROTOCOL = pointer('/pool/protocol');
const SESSION_TYPE = pointer('/pool/session_persistence/type');
const COOKIE_NAME = pointer('/pool/session_persistence/cookie_name');
const PERSISTENCE_TIMEOUT = pointer('/pool/session_persistence/persistence_timeout');

export default defineRule({
  id: 'pool/session-persistence-ignored',
  severity: 'warning',
  description: 'Session-persistence settings the API ignores: timeout with APP_COOKIE, cookie types on TCP/UDP pools.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const protocol = context.string(PROTOCOL);
    const type = context.string(SESSION_TYPE);

    if ((protocol === 'TCP' || protocol === 'UDP') && (type === 'HTTP_COOKIE' || type === 'APP_COOKIE')) {
      const hasCookieName = context.has(COOKIE_NAME);
      const toSourceIp: DocumentEdit[] = [{ replaceValue: SESSION_TYPE, json: 'SOURCE_IP' }, ...(hasCookieName ? [{ remove: COOKIE_NAME }] : [])];
      context.report({
        pointer: SESSION_TYPE,
        message: `session_persistence.type is "${type}", but on a ${protocol} pool the type is ignored and only source-IP stickiness applies. Set session_persistence.type to "SOURCE_IP"${hasCookieName ? ' and remove cookie_name' : ''}.`,
        suggestions: [{ desc: `Set session_persistence.type to "SOURCE_IP"${hasCookieName ? ' and remove cookie_name' : ''}`, fix: toSourceIp }],
      });
    }
    if (type === 'APP_COOKIE' && context.hasValid(PERSISTENCE_TIMEOUT)) {
      context.report({
        pointer: PERSISTENCE_TIMEOUT,
        message: 'session_persistence.persistence_timeout is set, but session_persistence.type is "APP_COOKIE", where the application\'s cookie decides how long a session lasts and the timeout has no effect. Remove persistence_timeout.',
        suggestions: [removeField(PERSISTENCE_TIMEOUT)],
      });
    }
  },
});
