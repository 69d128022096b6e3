// RFC 6901 JSON pointers. Lookups follow own properties only, so keys such as `__proto__` or
// `constructor` in a hostile body are plain data and never reach Object.prototype.

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Rules look up the same few pointers in every body; parse each once.
const parsedPointers = new Map<string, readonly string[]>();
const MAX_CACHED_POINTERS = 10_000;

export function parsePointer(pointer: string): readonly string[] {
  let segments = parsedPointers.get(pointer);
  if (segments === undefined) {
    segments = pointer === '' ? [] : pointer.slice(1).split('/').map((token) => (token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token));
    if (parsedPointers.size >= MAX_CACHED_POINTERS) parsedPointers.clear();
    parsedPointers.set(pointer, segments);
  }
  return segments;
}

export function formatPointer(segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) pointer += '/' + escapeSegment(String(segment));
  return pointer;
}

export function childPointer(pointer: string, key: string | number): string {
  return pointer + '/' + escapeSegment(String(key));
}

function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** How many children a pointer remembers: enough for any real body, bounded for a hostile one. */
const MAX_REMEMBERED_CHILDREN = 64;

export function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/**
 * A pointer parsed once. Rules keep the pointers they read as module constants, so the thousands
 * of lookups a large run makes neither build nor parse pointer text.
 */
export class Pointer {
  readonly segments: readonly string[];
  /** Children made before: the rules ask for the same member fields in every pool body. */
  private children: Map<string, Pointer> | undefined;

  constructor(readonly text: string, segments?: readonly string[]) {
    this.segments = segments ?? parsePointer(text);
  }

  child(key: string | number): Pointer {
    const segment = String(key);
    let child = this.children?.get(segment);
    if (child === undefined) {
      child = new Pointer(childPointer(this.text, segment), [...this.segments, segment]);
      this.children ??= new Map();
      if (this.children.size < MAX_REMEMBERED_CHILDREN) this.children.set(segment, child);
    }
    return child;
  }

  /** So that a pointer in a template literal still reads as its text. */
  toString(): string {
    return this.text;
  }
}

export function pointer(text: string): Pointer {
  return new Pointer(text);
}

export type PointerLike = string | Pointer;

export function pointerText(pointer: PointerLike): string {
  return typeof pointer === 'string' ? pointer : pointer.text;
}

function segmentsOf(pointer: PointerLike): readonly string[] {
  return typeof pointer === 'string' ? parsePointer(pointer) : pointer.segments;
}

/** Follows the pointer through own properties and array indexes; undefined when any step is missing. */
export function getAt(root: unknown, pointer: PointerLike): unknown {
  const segments = segmentsOf(pointer);
  return followSegments(root, segments, segments.length);
}

export function hasAt(root: unknown, pointer: PointerLike): boolean {
  const segments = segmentsOf(pointer);
  if (segments.length === 0) return root !== undefined;
  const parent = followSegments(root, segments, segments.length - 1);
  const key = segments[segments.length - 1] as string;
  if (Array.isArray(parent)) return isIndex(key) && Number(key) < parent.length;
  return isObject(parent) && Object.hasOwn(parent, key);
}

/** The value the first `depth` segments lead to (own properties and array indexes only), or undefined. */
export function followSegments(root: unknown, segments: readonly string[], depth: number): unknown {
  let current = root;
  for (let i = 0; i < depth; i++) {
    const segment = segments[i] as string;
    if (Array.isArray(current)) {
      if (!isIndex(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isObject(current)) {
      if (!Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/** An RFC 6901 array index: 0, or digits without a leading zero. */
const INDEX = /^(0|[1-9]\d*)$/;

export function isIndex(segment: string): boolean {
  return INDEX.test(segment);
}

/**
 * How a field is named in messages: the path below the request wrapper, e.g. `/pool/members/1/role`
 * becomes `members[1].role`. The wrapper itself is named by its key.
 */
export function fieldName(pointer: string): string {
  const segments = parsePointer(pointer);
  const below = segments.length > 1 ? segments.slice(1) : segments;
  let name = '';
  for (const segment of below) {
    if (isIndex(segment) && name !== '') name += `[${segment}]`;
    else name += (name === '' ? '' : '.') + segment;
  }
  return name === '' ? 'the request body' : name;
}
