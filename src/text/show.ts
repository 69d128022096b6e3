// How values appear in messages: strings quoted, numbers as written, objects by their JSON type.

export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'a number too large to represent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The JSON type of a value as messages name it: "the string \"4\"", "an integer", "an object". */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${show(value)}`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return show(value); // 1e400: "a number too large to represent"
    return Number.isInteger(value) ? `the integer ${show(value)}` : `the number ${show(value)}`;
  }
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return 'an object';
}

export function listOf(values: readonly unknown[]): string {
  const shown = values.map((value) => (typeof value === 'string' ? `"${value}"` : String(value)));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}
