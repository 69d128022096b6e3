import { POOL_HEALTHMONITOR, POOL_HEALTHMONITOR_TYPE } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

const HTTP_FIELDS = ['domain_name', 'url_path', 'http_method', 'expected_codes'].map((field) => ({
  field,
  at: POOL_HEALTHMONITOR.child(field),
}));

export default defineRule({
  id: 'pool/healthmonitor-http-fields',
  severity: 'warning',
  description: 'domain_name, url_path, http_method and expected_codes have no effect on TCP or UDP_CONNECT health checks.',
  kinds: ['create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const type = context.string(POOL_HEALTHMONITOR_TYPE);
    if (type !== 'TCP' && type !== 'UDP_CONNECT') return;
    for (const { field, at } of HTTP_FIELDS) {
      if (!context.hasValid(at)) continue;
      const fix = type === 'TCP' ? `Remove ${field}, or set healthmonitor.type to "HTTP" or "HTTPS".` : `Remove ${field}.`;
      context.report({
        pointer: at,
        message: `healthmonitor.${field} is set, but healthmonitor.type is "${type}", so the API ignores it; it takes effect only on HTTP and HTTPS checks. ${fix}`,
        suggestions: [removeField(at)],
      });
    }
  },
});
