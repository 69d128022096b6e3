import { defineInputRule } from '../rule.js';

export default defineInputRule({
  id: 'parse/invalid-json',
  severity: 'error',
  description: 'The file is not strict JSON (syntax error, comment, trailing comma, empty, binary, too large or too deep).',
});

export function invalidJsonMessage(reason: string): string {
  return `Not valid JSON: ${reason}.`.replace(/\.\.$/, '.');
}
