// Findings carry 1-based lines and UTF-16 columns; CodeMirror counts UTF-16 offsets into a text
// whose lines it splits as the engine does (\n, \r\n, \r), so one maps onto the other exactly.

import type { Text } from '@codemirror/state';
import type { Span } from '../../src/model.js';

export function offsetOf(doc: Text, line: number, column: number): number {
  if (line > doc.lines) return doc.length;
  const at = doc.line(Math.max(1, line));
  return Math.min(at.from + Math.max(0, column - 1), at.to);
}

export function rangeOf(doc: Text, span: Span): { from: number; to: number } {
  const from = offsetOf(doc, span.line, span.column);
  return { from, to: Math.max(from, offsetOf(doc, span.endLine, span.endColumn)) };
}

export function positionOf(doc: Text, offset: number): { line: number; column: number } {
  const at = doc.lineAt(offset);
  return { line: at.number, column: offset - at.from + 1 };
}
