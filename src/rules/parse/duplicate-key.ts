import { fieldName, parentPointer } from '../../json/pointer.js';
import { defineInputRule } from '../rule.js';

export default defineInputRule({
  id: 'parse/duplicate-key',
  severity: 'error',
  description: 'A key appears twice in one object; the API would see only one of them.',
});

export function duplicateKeyMessage(pointer: string, key: string, firstLine: number): string {
  const where = parentPointer(pointer) === '' ? 'the request body' : fieldName(parentPointer(pointer));
  return `"${key}" appears twice in ${where} (first on line ${firstLine}); only this later value would reach the API. Remove one of them.`;
}
