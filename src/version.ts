import packageJson from '../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;

/** Set by the bundler (scripts/build.mjs): a hash of the sources the bundle was built from. */
declare const __ELB_LINT_BUILD__: string | undefined;

/** Which build this is, for cache keys: results of another build of the same version are never reused. */
export const BUILD: string = typeof __ELB_LINT_BUILD__ === 'string' ? __ELB_LINT_BUILD__ : 'sources';
