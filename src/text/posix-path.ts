// Paths with `/` separators, worked out without node:path so that the engine and the config
// compiler run in a browser (the playground) as well as in node.

/** Backslashes (a Windows path) as `/`. */
export function forwardSlashes(path: string): string {
  return path.replaceAll('\\', '/');
}

/** `.` and `..` segments resolved, repeated slashes collapsed. */
export function normalizePosix(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '.' || (segment === '' && out.length > 0)) continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(segment);
  }
  return out.join('/') || (path.startsWith('/') ? '/' : '');
}

export function joinPosix(directory: string, path: string): string {
  return normalizePosix(`${directory}/${path}`);
}

/** The path from one absolute directory to an absolute path, as node's path.posix.relative gives it. */
export function relativePosix(from: string, to: string): string {
  const fromParts = normalizePosix(from).split('/').filter((part) => part !== '');
  const toParts = normalizePosix(to).split('/').filter((part) => part !== '');
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}
