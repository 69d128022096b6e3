import { defineRule } from '../rule.js';
import { LB, POOL } from '../utils.js';

export default defineRule({
  id: 'api/enterprise-project-id',
  severity: 'error',
  description: 'enterprise_project_id must not be an empty string; omit it for the default project.',
  kinds: ['create-loadbalancer', 'create-master-slave-pool'],
  check(context) {
    const pointer = `${context.kind === 'create-loadbalancer' ? LB : POOL}/enterprise_project_id`;
    if (context.string(pointer) !== '') return;
    context.report({
      pointer,
      message: 'enterprise_project_id is "", which the API rejects. Remove enterprise_project_id to use the default enterprise project, or set it to the ID of an existing enterprise project ("0" is the default project).',
    });
  },
});
