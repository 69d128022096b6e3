// The JSON Schema of rules.yaml (docs/spec/config.md). scripts/build.mjs compiles it into an Ajv
// standalone validator (src/config/generated/validator.js), so loading a configuration never
// loads or runs Ajv's compiler. What a schema cannot say well (rule IDs, globs, regexes,
// JSONPath, function options, empty strings) is checked in src/config/file-config.ts, with the
// same positions. No length keywords: they would pull an Ajv runtime helper into the bundle.

import { KINDS } from '../model.js';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;

export const POLICY_FUNCTIONS = ['truthy', 'falsy', 'defined', 'undefined', 'pattern', 'enumeration', 'length', 'range', 'schema', 'equals'] as const;
export type PolicyFunctionName = (typeof POLICY_FUNCTIONS)[number];

/** Policy names become rule IDs `policy/<name>`: lowercase words joined by hyphens. */
export const POLICY_NAME_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

const severity = { enum: [...SEVERITY_SETTINGS] };
const stringOrList = { type: ['string', 'array'], items: { type: 'string' } };
const severityMap = { type: 'object', additionalProperties: severity };

const then = {
  type: 'object',
  additionalProperties: false,
  required: ['function'],
  properties: {
    field: { type: 'string' },
    function: { enum: [...POLICY_FUNCTIONS] },
    functionOptions: { type: 'object' },
  },
};

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'elb-lint configuration (rules.yaml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: { type: 'string' },
    include: stringOrList,
    ignore: stringOrList,
    kinds: { type: 'object', additionalProperties: { enum: [...KINDS] } },
    flavors: { type: 'string' },
    placeholders: stringOrList,
    rules: severityMap,
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: { files: stringOrList, rules: severityMap, pointers: stringOrList },
      },
    },
    policies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'given', 'then'],
        properties: {
          name: { type: 'string', pattern: POLICY_NAME_PATTERN },
          description: { type: 'string' },
          message: { type: 'string' },
          kind: { enum: [...KINDS] },
          severity,
          given: stringOrList,
          then: { ...then, type: ['object', 'array'], minItems: 1, items: then },
        },
      },
    },
  },
} as const;

/** The top-level keys of an elb-lint configuration. */
export const CONFIG_KEYS: ReadonlySet<string> = new Set(Object.keys(CONFIG_SCHEMA.properties));
