// Regular expressions written in rules.yaml (placeholders, the `pattern` function). Written as
// plain source (`^prod-`) or, as in Spectral, `/source/flags`. Flags that make `test()` keep
// state between calls (g, y) or only change match indices (d) are refused.

export interface UserRegex {
  regex: RegExp;
  /** How messages show it: /source/flags. */
  shown: string;
}

const ALLOWED_FLAGS = /^[imsuv]*$/;

export function compileUserRegex(text: string): UserRegex | string {
  if (text === '') return 'it is empty (it would match everything)';
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
  const source = literal ? (literal[1] as string) : text;
  const flags = literal ? (literal[2] as string) : '';
  if (!ALLOWED_FLAGS.test(flags) || new Set(flags).size !== flags.length) return `the flags "${flags}" are not allowed; use any of i, m, s, u, v, each once`;
  try {
    const regex = new RegExp(source, flags);
    return { regex, shown: `/${source}/${flags}` };
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
  }
}
