import { LB_ENTERPRISE_PROJECT_ID, POOL_ENTERPRISE_PROJECT_ID } from '../pointers.js';
import { defineRule } from '../rule.js';
import { removeField } from '../utils.js';

export default defineRule({
  id: 'api/enterprise-project-id',
  severity: 'error',
  description: 'enterprise_project_id must not be an empty string; omit it for the default project.',
  kinds: ['create-loadbalancer', 'create-master-slave-pool'],
  hasSuggestions: true,
  check(context) {
    const enterpriseProjectId = context.kind === 'create-loadbalancer' ? LB_ENTERPRISE_PROJECT_ID : POOL_ENTERPRISE_PROJECT_ID;
    if (context.string(enterpriseProjectId) !== '') return;
    context.report({
      pointer: enterpriseProjectId,
      message: 'enterprise_project_id is "", which the API rejects. Remove enterprise_project_id to use the default enterprise project, or set it to the ID of an existing enterprise project ("0" is the default project).',
      suggestions: [removeField(enterpriseProjectId)],
    });
  },
});
