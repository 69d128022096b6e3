// SARIF 2.1.0 for GitHub code scanning: one run, every rule in tool.driver.rules, results with a
// %SRCROOT%-relative physical location, the JSON pointer as a logical location, and fingerprints
// built from file, rule and pointer (not line numbers), so they survive unrelated edits.

import type { Severity, TextEdit } from '../model.js';
import { findingFingerprints } from './fingerprint.js';
import type { Reporter } from './types.js';
import { TOOL_NAME, TOOL_URI } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const sarif: Reporter = (report, context) => {
  const rules = [...context.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = [];
  for (const file of report.files) {
    const fingerprints = findingFingerprints(file);
    const artifactLocation = toArtifactLocation(file.path);
    for (const [index, finding] of file.findings.entries()) {
      results.push({
        ruleId: finding.ruleId,
        ...(ruleIndex.has(finding.ruleId) && { ruleIndex: ruleIndex.get(finding.ruleId) }),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
            },
            ...(finding.pointer !== '' && { logicalLocations: [{ fullyQualifiedName: finding.pointer, kind: 'member' }] }),
          },
        ],
        partialFingerprints: { 'elbLintFinding/v1': fingerprints[index] as string },
        ...(finding.fix && { fixes: [sarifFix(finding.fix, artifactLocation)] }),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: TOOL_URI,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              helpUri: rule.docs,
              help: { text: `${rule.description} See ${rule.docs}`, markdown: `${rule.description} [Documentation](${rule.docs})` },
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/**
 * A safe fix as SARIF says it: one replacement in the file, by character offset (UTF-16 code units,
 * as the run's columnKind says), so a viewer can apply it as --fix would.
 */
function sarifFix(edit: TextEdit, artifactLocation: { uri: string; uriBaseId?: string }) {
  const [start, end] = edit.range;
  return {
    description: { text: edit.text === '' ? 'Delete the text.' : `Replace with ${edit.text}.` },
    artifactChanges: [
      {
        artifactLocation,
        replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: edit.text } }],
      },
    ],
  };
}

/** SARIF rule names are identifiers: `pool/any-port` → `PoolAnyPort`. */
function ruleName(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
}

/**
 * Report paths are relative to the working directory (the repository root in CI): a relative URI
 * against %SRCROOT%, as GitHub resolves it. A path that is absolute (another drive) becomes a
 * file: URI, which may not carry a uriBaseId.
 */
function toArtifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const absolute = /^(?:[A-Za-z]:)?\//.test(path);
  const encoded = path.split('/').map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/');
  return absolute ? { uri: `file://${encoded.startsWith('/') ? '' : '/'}${encoded}` } : { uri: encoded, uriBaseId: '%SRCROOT%' };
}

export default sarif;
