// The SARIF 2.1.0 log as the tests read it, and a validator for the official schema (vendored in
// test/fixtures), shared by the code-scanning and --shard tests.

import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { readJson } from './helpers.js';

const SCHEMA = readJson<Record<string, unknown>>(join(import.meta.dirname, '../fixtures/sarif-2.1.0.json'));

export interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}
export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown?: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}
export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } };
    logicalLocations?: { fullyQualifiedName: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  fixes?: {
    description?: { text: string };
    artifactChanges: {
      artifactLocation: { uri: string; uriBaseId?: string };
      replacements: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[];
    }[];
  }[];
}

export function sarifValidator() {
  // The vendored schema declares JSON Schema draft 2020-12, so it is compiled with Ajv2020.
  expect(SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(SCHEMA);
}
