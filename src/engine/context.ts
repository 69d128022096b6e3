// The read-only view a semantic rule gets of one body.

import { hasAt, isObject, parsePointer, pointerText, followSegments, type JsonObject, type PointerLike } from '../json/pointer.js';
import type { FlavorCatalog, Kind } from '../model.js';
import type { Report, RuleContext } from '../rules/rule.js';

export interface BodyContextOptions {
  kind: Kind;
  body: JsonObject;
  /** Pointers the schema reported; rules treat their values as unknown. */
  invalid: ReadonlySet<string>;
  isPlaceholder: (value: unknown) => boolean;
  flavors: FlavorCatalog | undefined;
  report: (report: Report) => void;
}

/**
 * A class rather than an object of closures: a large run makes one per body, and methods on the
 * prototype cost nothing to create.
 */
export class BodyContext implements RuleContext {
  readonly kind: Kind;
  readonly body: JsonObject;
  readonly flavors: FlavorCatalog | undefined;
  readonly report: (report: Report) => void;
  private readonly invalid: ReadonlySet<string>;
  private readonly isPlaceholder: (value: unknown) => boolean;

  constructor(options: BodyContextOptions) {
    this.kind = options.kind;
    this.body = options.body;
    this.flavors = options.flavors;
    this.report = options.report;
    this.invalid = options.invalid;
    this.isPlaceholder = options.isPlaceholder;
  }

  has(pointer: PointerLike): boolean {
    return hasAt(this.body, pointer);
  }

  hasValid(pointer: PointerLike): boolean {
    return !this.isInvalid(pointer) && hasAt(this.body, pointer);
  }

  value(pointer: PointerLike): unknown {
    return this.lookup(pointer);
  }

  // The typed readers call lookup directly: rules read a few hundred values a body, most of them
  // before V8 has optimised anything, where every call level costs.
  string(pointer: PointerLike): string | undefined {
    const found = this.lookup(pointer);
    return typeof found === 'string' ? found : undefined;
  }

  number(pointer: PointerLike): number | undefined {
    const found = this.lookup(pointer);
    return typeof found === 'number' ? found : undefined;
  }

  boolean(pointer: PointerLike): boolean | undefined {
    const found = this.lookup(pointer);
    return typeof found === 'boolean' ? found : undefined;
  }

  object(pointer: PointerLike): JsonObject | undefined {
    const found = this.lookup(pointer);
    return isObject(found) ? found : undefined;
  }

  array(pointer: PointerLike): unknown[] | undefined {
    const found = this.lookup(pointer);
    return Array.isArray(found) ? found : undefined;
  }

  /** The value at the pointer, or undefined when the schema found it invalid, it is missing, or it is a placeholder. */
  private lookup(pointer: PointerLike): unknown {
    if (this.isInvalid(pointer)) return undefined;
    const segments = typeof pointer === 'string' ? parsePointer(pointer) : pointer.segments;
    const found = followSegments(this.body, segments, segments.length);
    // Placeholders are strings (placeholderTest): other values need not be asked.
    return typeof found === 'string' && this.isPlaceholder(found) ? undefined : found;
  }

  // Most bodies have no schema finding at all: skip the set lookup then.
  private isInvalid(pointer: PointerLike): boolean {
    return this.invalid.size > 0 && this.invalid.has(pointerText(pointer));
  }
}
