// Format names to reporters, each loaded only when a run asks for it.

import type { Reporter } from './types.js';

export const FORMATS = ['human', 'json', 'sarif', 'compact', 'github', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export async function loadReporter(name: FormatName): Promise<Reporter> {
  switch (name) {
    case 'human': return (await import('./human.js')).default;
    case 'json': return (await import('./json.js')).default;
    case 'sarif': return (await import('./sarif.js')).default;
    case 'compact': return (await import('./compact.js')).default;
    case 'github': return (await import('./github.js')).default;
    case 'gitlab': return (await import('./gitlab.js')).default;
  }
}
