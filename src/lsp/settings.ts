// What the client can set: the VS Code extension's `elb-lint.*` settings, sent as
// initializationOptions and again with workspace/didChangeConfiguration. Anything malformed
// falls back to the default, so a client's typo never stops linting.

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  /** false: no diagnostics at all (the extension stops the server instead; other clients may send it). */
  enable: boolean;
  /** onType: lint after each change (debounced); onSave: only on open and save. */
  run: RunMode;
  /** A config file to use instead of the nearest one, relative to the workspace folder. */
  configFile: string | undefined;
  /** Log each lint's duration (window/logMessage, type Log); `npm run bench` reads it. */
  logTiming: boolean;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', configFile: undefined, logTiming: false };

/** Settings from `{ "elb-lint": {...} }`, or the object itself, on top of `base`. */
export function readSettings(value: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (!isObject(value)) return base;
  const section = isObject(value['elb-lint']) ? value['elb-lint'] : value;
  const configFile = section.configFile;
  return {
    enable: typeof section.enable === 'boolean' ? section.enable : base.enable,
    run: section.run === 'onType' || section.run === 'onSave' ? section.run : base.run,
    configFile: typeof configFile === 'string' ? (configFile.trim() === '' ? undefined : configFile) : configFile === null ? undefined : base.configFile,
    logTiming: typeof section.logTiming === 'boolean' ? section.logTiming : base.logTiming,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
