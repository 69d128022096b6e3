import { almostRequest } from '../../input/kind.js';
import { isObject } from '../../json/pointer.js';
import { didYouMean } from '../../text/suggest.js';
import { defineInputRule } from '../rule.js';

export default defineInputRule({
  id: 'input/unknown-kind',
  severity: 'error',
  description: 'A named file that is neither a create-load-balancer nor a create-master-slave-pool body; wherever found, a body with both wrapper keys or a misspelt one.',
});

export function unknownKindMessage(body: unknown): { message: string; suggestion?: string } {
  const keys = isObject(body) ? Object.keys(body) : [];
  const found = !isObject(body)
    ? `the body is ${Array.isArray(body) ? 'an array' : `a ${body === null ? 'null' : typeof body}`}, not an object`
    : keys.length === 0
      ? 'the body is an empty object'
      : keys.length === 1
        ? `its one top-level key is "${keys[0]}"`
        : `its top-level keys are ${keys.slice(0, 5).map((key) => `"${key}"`).join(', ')}${keys.length > 5 ? ', …' : ''}`;
  const almost = almostRequest(body);
  if (almost && almost.suggestion === undefined) {
    return {
      message:
        'Cannot tell which request this is: the body has both "loadbalancer" and "pool". A body is one request: ' +
        'put the load balancer and the master-slave pool in files of their own.',
    };
  }
  const suggestion = almost?.suggestion;
  return {
    message:
      `Cannot tell which request this is: ${found}. A body is {"loadbalancer": {…}} (create load balancer) or {"pool": {…}} ` +
      `(create master-slave pool); otherwise pass --kind or map the file under "kinds" in rules.yaml.${didYouMean(suggestion)}`,
    ...(suggestion !== undefined && { suggestion }),
  };
}

/** An `.http` file named on the command line without a create-loadbalancer or create-master-slave-pool request. */
export function unknownRequestFileMessage(skipped: string): string {
  return `Cannot tell which request this is: the file has no create-loadbalancer or create-master-slave-pool request (${skipped}). Pass --kind to lint its bodies as one, or map the file under "kinds" in rules.yaml.`;
}
