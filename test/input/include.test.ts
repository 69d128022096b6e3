// The built-in include globs as a suffix test (include.ts) must say what picomatch says of every
// path a directory walk can make.

import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCLUDE } from '../../src/config/builtin.js';
import { includeMatcher, isIncludedByDefault } from '../../src/input/include.js';

const reference = picomatch([...DEFAULT_INCLUDE], { dot: true });

// Walk paths: readdir names joined with "/", never empty, "." or "..".
const nameArb = fc
  .tuple(
    fc.stringMatching(/^[a-zA-Z0-9 ._\-~\\!@#$%^&()[\]{}+=,;'名ä]{0,6}$/),
    fc.constantFrom('', '.json', '.JSON', '.http', '.rest', '.json.bak', '.jso', 'json', '.http/', '..json', '.yaml'),
  )
  .map(([stem, tail]) => (stem + tail).replaceAll('/', ''))
  .filter((name) => name !== '' && name !== '.' && name !== '..');
const pathArb = fc.array(nameArb, { minLength: 1, maxLength: 4 }).map((names) => names.join('/'));

describe('the built-in include globs', () => {
  it('match a walk path exactly when picomatch does', () => {
    fc.assert(
      fc.property(pathArb, (path) => {
        expect([path, isIncludedByDefault(path)]).toEqual([path, reference(path)]);
      }),
      { numRuns: 3000 },
    );
    for (const path of ['.json', 'x/.json', '.git/a.json', 'a..json', 'a.JSON', 'a.json.bak', 'a/.hidden/b.rest', 'c.http', 'a\\b.json', '名.json']) {
      expect([path, isIncludedByDefault(path)]).toEqual([path, reference(path)]);
    }
  });

  it('are a suffix test only for the built-in list; any other list is picomatch', async () => {
    expect(await includeMatcher(DEFAULT_INCLUDE)).toBe(isIncludedByDefault);
    expect(await includeMatcher([...DEFAULT_INCLUDE])).toBe(isIncludedByDefault);
    const custom = await includeMatcher(['templates/**/*.json']);
    expect(custom).not.toBe(isIncludedByDefault);
    expect([custom('templates/a/b.json'), custom('other/b.json')]).toEqual([true, false]);
  });
});
