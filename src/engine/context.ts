// The read-only view a semantic rule gets of one body.

import { getAt, hasAt, isObject, pointerText, type JsonObject, type PointerLike } from '../json/pointer.js';
import type { Kind } from '../model.js';
import type { FlavorCatalog } from '../config/flavors.js';
import type { Report, RuleContext } from '../rules/rule.js';

export function createRuleContext(options: {
  kind: Kind;
  body: JsonObject;
  /** Pointers the schema reported; rules treat their values as unknown. */
  invalid: ReadonlySet<string>;
  isPlaceholder: (value: unknown) => boolean;
  flavors: FlavorCatalog | undefined;
  report: (report: Report) => void;
}): RuleContext {
  const { kind, body, invalid, isPlaceholder, flavors, report } = options;
  // Most bodies have no schema finding at all: skip the set lookup then.
  const isInvalid = (pointer: PointerLike) => invalid.size > 0 && invalid.has(pointerText(pointer));
  const value = (pointer: PointerLike): unknown => {
    if (isInvalid(pointer)) return undefined;
    const found = getAt(body, pointer);
    return isPlaceholder(found) ? undefined : found;
  };
  return {
    kind,
    body,
    flavors,
    report,
    has: (pointer) => hasAt(body, pointer),
    hasValid: (pointer) => !isInvalid(pointer) && hasAt(body, pointer),
    value,
    string: (pointer) => {
      const found = value(pointer);
      return typeof found === 'string' ? found : undefined;
    },
    number: (pointer) => {
      const found = value(pointer);
      return typeof found === 'number' ? found : undefined;
    },
    boolean: (pointer) => {
      const found = value(pointer);
      return typeof found === 'boolean' ? found : undefined;
    },
    object: (pointer) => {
      const found = value(pointer);
      return isObject(found) ? found : undefined;
    },
    array: (pointer) => {
      const found = value(pointer);
      return Array.isArray(found) ? found : undefined;
    },
  };
}
