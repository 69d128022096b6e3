// The built-in policy functions (the Spectral core set), one module each. Typed by the names the
// rules.yaml schema accepts, so a function missing here, or one the schema does not know, fails
// to compile.

import type { PolicyFunctionName } from '../../config/schema.js';
import type { PolicyFunction } from '../types.js';
import { defined } from './defined.js';
import { enumeration } from './enumeration.js';
import { equals } from './equals.js';
import { falsy } from './falsy.js';
import { length } from './length.js';
import { pattern } from './pattern.js';
import { range } from './range.js';
import { schema } from './schema.js';
import { truthy } from './truthy.js';
import { undefinedFunction } from './undefined.js';

export const POLICY_FUNCTIONS_BY_NAME: Readonly<Record<PolicyFunctionName, PolicyFunction>> = {
  defined,
  enumeration,
  equals,
  falsy,
  length,
  pattern,
  range,
  schema,
  truthy,
  undefined: undefinedFunction,
};
