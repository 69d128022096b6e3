// Size limits shared by the readers (which stop reading past them) and the engine (which reports them).

/** Request bodies are a few kilobytes; anything over this limit is reported, not linted. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A rules.yaml is a few kilobytes: a huge one is refused before the YAML parser sees it. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** How much of an oversized input is kept to tell whether it is a request body at all. */
export const HEAD_BYTES = 4096;

export function formatBytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(size / 1024)} KiB`;
}
