import { defineRule } from '../rule.js';
import { POOL } from '../utils.js';

const HTTP_FIELDS = ['domain_name', 'url_path', 'http_method', 'expected_codes'] as const;

export default defineRule({
  id: 'pool/healthmonitor-http-fields',
  severity: 'warning',
  description: 'domain_name, url_path, http_method and expected_codes have no effect on TCP or UDP_CONNECT health checks.',
  kinds: ['create-master-slave-pool'],
  check(context) {
    const type = context.string(`${POOL}/healthmonitor/type`);
    if (type !== 'TCP' && type !== 'UDP_CONNECT') return;
    for (const field of HTTP_FIELDS) {
      const pointer = `${POOL}/healthmonitor/${field}`;
      if (!context.hasValid(pointer)) continue;
      const fix = type === 'TCP' ? `Remove ${field}, or set healthmonitor.type to "HTTP" or "HTTPS".` : `Remove ${field}.`;
      context.report({
        pointer,
        message: `healthmonitor.${field} is set, but healthmonitor.type is "${type}", so the API ignores it; it takes effect only on HTTP and HTTPS checks. ${fix}`,
      });
    }
  },
});
