import { defineRule } from '../rule.js';
import { POOL } from '../utils.js';

const SESSION = `${POOL}/session_persistence`;

export default defineRule({
  id: 'pool/session-persistence-ignored',
  severity: 'warning',
  description: 'Session-persistence settings the API ignores: timeout with APP_COOKIE, cookie types on TCP/UDP pools.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    const protocol = context.string(`${POOL}/protocol`);
    const type = context.string(`${SESSION}/type`);

    if ((protocol === 'TCP' || protocol === 'UDP') && (type === 'HTTP_COOKIE' || type === 'APP_COOKIE')) {
      context.report({
        pointer: `${SESSION}/type`,
        message: `session_persistence.type is "${type}", but on a ${protocol} pool the type is ignored and only source-IP stickiness applies. Set session_persistence.type to "SOURCE_IP"${context.has(`${SESSION}/cookie_name`) ? ' and remove cookie_name' : ''}.`,
      });
    }
    if (type === 'APP_COOKIE' && context.hasValid(`${SESSION}/persistence_timeout`)) {
      context.report({
        pointer: `${SESSION}/persistence_timeout`,
        message: 'session_persistence.persistence_timeout is set, but session_persistence.type is "APP_COOKIE", where the application\'s cookie decides how long a session lasts and the timeout has no effect. Remove persistence_timeout.',
      });
    }
  },
});
