// Code actions from findings that carry fixes and suggestions (editor.md, "Code actions"), with
// hand-made findings: which actions, their kinds and edits, versioned or not, the `only` filter,
// and fix-all's passes and single edit.

import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { codeActions, FIX_ALL_KIND, type LintedText } from '../../src/lsp/code-actions.js';
import { spanningEdit } from '../../src/lsp/text-edit.js';
import { toDiagnostic } from '../../src/lsp/diagnostics.js';
import type { FileResult, Finding } from '../../src/model.js';

const TEXT = '{\n  "pool": {\n    "lb_algorithm": "round_robin",\n    "protocol": "tcp",\n    "name": "p"\n  }\n}\n';

function at(text: string, needle: string): [number, number] {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`${needle} not in the text`);
  return [start, start + needle.length];
}

function finding(ruleId: string, needle: string, extra: Partial<Finding>, text = TEXT): Finding {
  const [start, end] = at(text, needle);
  const document = TextDocument.create('file:///w/p.json', 'json', 3, text);
  const from = document.positionAt(start);
  const to = document.positionAt(end);
  return { ruleId, severity: 'error', message: `${ruleId} here`, pointer: '/pool/x', line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1, ...extra };
}

/** Findings of a text: an enum value in the wrong case gets a safe fix, found again in each pass. */
function lintCase(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const value of ['"round_robin"', '"tcp"']) {
    if (!text.includes(value)) continue;
    findings.push(finding('schema/enum', value, { fix: { range: at(text, value), text: value.toUpperCase() } }, text));
  }
  return findings;
}

function linted(findings: Finding[], text = TEXT, relint: (text: string) => Finding[] = lintCase): LintedText {
  const document = TextDocument.create('file:///w/p.json', 'json', 3, text);
  const asResult = (next: string): FileResult => ({ path: 'p.json', kind: 'create-master-slave-pool', findings: relint(next) });
  return { document, findings, diagnostics: findings.map((f) => toDiagnostic(f, text, new Map())), relint: asResult };
}

function apply(text: string, edit: WorkspaceEdit | undefined): string {
  const change = edit?.documentChanges?.[0] as { textDocument: { version: number }; edits: TextEdit[] } | undefined;
  const edits = change?.edits ?? edit?.changes?.['file:///w/p.json'] ?? [];
  const document = TextDocument.create('file:///w/p.json', 'json', 3, text);
  return TextDocument.applyEdits(document, edits);
}

const everywhere = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

describe('code actions', () => {
  it('offers a preferred quick fix per safe fix and one per suggestion, as versioned edits', () => {
    const enumFinding = finding('schema/enum', '"round_robin"', {
      fix: { range: at(TEXT, '"round_robin"'), text: '"ROUND_ROBIN"' },
      suggestions: [{ desc: 'Use "LEAST_CONNECTIONS"', fix: { range: at(TEXT, '"round_robin"'), text: '"LEAST_CONNECTIONS"' } }],
    });
    const plain = finding('pool/name', '"p"', {});
    const actions = codeActions(linted([enumFinding, plain]), { range: everywhere, only: undefined, versionedEdits: true });
    const quickFixes = actions.filter((action) => action.kind === 'quickfix');
    expect(quickFixes.map((action) => [action.title, action.isPreferred === true])).toEqual([
      ['Replace "round_robin" with "ROUND_ROBIN" (schema/enum)', true],
      ['Use "LEAST_CONNECTIONS" (schema/enum)', false],
    ]);
    expect(quickFixes[0]?.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri: 'file:///w/p.json', version: 3 } });
    expect(apply(TEXT, quickFixes[0]?.edit)).toBe(TEXT.replace('"round_robin"', '"ROUND_ROBIN"'));
    expect(apply(TEXT, quickFixes[1]?.edit)).toBe(TEXT.replace('"round_robin"', '"LEAST_CONNECTIONS"'));
    expect(quickFixes[0]?.diagnostics?.[0]).toMatchObject({ code: 'schema/enum', range: { start: { line: 2, character: 20 } } });
  });

  it('offers only the actions of findings in the requested range', () => {
    const findings = lintCase(TEXT);
    const onProtocol = { start: { line: 3, character: 18 }, end: { line: 3, character: 18 } };
    const actions = codeActions(linted(findings), { range: onProtocol, only: ['quickfix'], versionedEdits: true });
    expect(actions.map((action) => action.title)).toEqual(['Replace "tcp" with "TCP" (schema/enum)']);
    const nowhere = { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } };
    expect(codeActions(linted(findings), { range: nowhere, only: ['quickfix'], versionedEdits: true })).toEqual([]);
  });

  it('fixes all: every safe fix, pass after pass, as one edit; only when asked for that kind', () => {
    // The first pass takes a fix whose range covers the other's, so "tcp" is left for the second pass.
    const first = lintCase(TEXT);
    const [start, end] = [at(TEXT, '"round_robin"')[0], at(TEXT, '"tcp"')[1]];
    const overlapping: Finding = { ...(first[0] as Finding), fix: { range: [start, end], text: TEXT.slice(start, end).replace('"round_robin"', '"ROUND_ROBIN"') } };
    let passes = 0;
    const counting = (text: string) => {
      passes++;
      return lintCase(text);
    };
    const actions = codeActions(linted([overlapping, first[1] as Finding], TEXT, counting), { range: everywhere, only: ['source.fixAll'], versionedEdits: true });
    expect(passes).toBe(2);
    expect(actions.map((action) => action.kind)).toEqual([FIX_ALL_KIND]);
    expect(apply(TEXT, actions[0]?.edit)).toBe(TEXT.replace('"round_robin"', '"ROUND_ROBIN"').replace('"tcp"', '"TCP"'));
    const edits = (actions[0]?.edit?.documentChanges?.[0] as { edits: TextEdit[] }).edits;
    expect(edits).toHaveLength(1);
    expect(codeActions(linted(first), { range: everywhere, only: ['quickfix'], versionedEdits: true }).some((action) => action.kind === FIX_ALL_KIND)).toBe(false);
    expect(codeActions(linted([]), { range: everywhere, only: [FIX_ALL_KIND], versionedEdits: true })).toEqual([]);
  });

  it('sends plain changes to a client without versioned edits, and never an edit outside the text', () => {
    const broken = finding('schema/enum', '"tcp"', { fix: { range: [5, 10_000], text: 'x' }, suggestions: [{ desc: 'bad', fix: { range: [-1, 2], text: '' } }] });
    const good = lintCase(TEXT)[0] as Finding;
    const actions = codeActions(linted([broken, good]), { range: everywhere, only: ['quickfix'], versionedEdits: false });
    expect(actions.map((action) => action.title)).toEqual(['Replace "round_robin" with "ROUND_ROBIN" (schema/enum)']);
    expect(actions[0]?.edit?.changes?.['file:///w/p.json']).toHaveLength(1);
    expect(actions[0]?.edit?.documentChanges).toBeUndefined();
  });

  it('names removals and insertions', () => {
    const removal = finding('api/discouraged-field', '"name": "p"', { suggestions: [{ desc: 'Remove the field', fix: { range: at(TEXT, ',\n    "name": "p"'), text: '' } }], fix: { range: at(TEXT, ',\n    "name": "p"'), text: '' } });
    const insertion = finding('schema/required', '"name": "p"', { fix: { range: [at(TEXT, '"p"')[1], at(TEXT, '"p"')[1]], text: ', "type": "x"' } });
    const titles = codeActions(linted([removal, insertion]), { range: everywhere, only: ['quickfix'], versionedEdits: true }).map((action) => action.title);
    expect(titles).toEqual(['Remove , "name": "p" (api/discouraged-field)', 'Remove the field (api/discouraged-field)', 'Insert , "type": "x" (schema/required)']);
  });
});

describe('spanningEdit', () => {
  it('is the one replacement between the common prefix and suffix', () => {
    for (const [before, after] of [['abcdef', 'abXYef'], ['abc', 'abc'], ['', 'x'], ['aaa', 'aa'], ['x😀y', 'x😁y'], ['😀', '😀😀']] as const) {
      const edit = spanningEdit(before, after);
      expect(before.slice(0, edit.start) + edit.text + before.slice(edit.end), `${before} → ${after}`).toBe(after);
      // Never half a surrogate pair on either side.
      for (const offset of [edit.start, edit.end]) expect(/[\udc00-\udfff]/.test(before.charAt(offset)) && /[\ud800-\udbff]/.test(before.charAt(offset - 1))).toBe(false);
    }
  });
});
