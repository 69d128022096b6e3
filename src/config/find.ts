// Which configuration file applies to a working directory (config.md): the nearest
// `.elb-lint.yaml` or `elb-lint.yaml`, else the nearest `rules.yaml` that is an elb-lint
// configuration, from the directory up to the repository root (the directory holding `.git`),
// never above it: a file above the checkout is not the repository's to apply. A `rules.yaml` of
// another tool (Prometheus alerting rules, say) is passed over, never an error.
//
// A function of the file system alone (no options, no environment), so the CLI, --print-config
// and the library's loadConfig({cwd}) find the same file.

import { dirname, join, resolve } from 'node:path';
import { holdsGit, isWithin, realPathOf, repositoryRootOf } from '../repository.js';
import { readConfigText } from './read-config.js';

/** In the order they are preferred within one directory. */
export const CONFIG_FILE_NAMES = ['.elb-lint.yaml', 'elb-lint.yaml'] as const;
export const SHARED_FILE_NAME = 'rules.yaml';

export interface ConfigDiscovery {
  /** The file that applies, or undefined for the built-in recommended preset. */
  file: string | undefined;
  /** Its text, when it could be read (else loading reports why it cannot). */
  text?: string;
  /** Files looked at and passed over, with why, for --debug. */
  passedOver: { file: string; reason: string }[];
}

export async function findConfigFile(directory: string, isPreset: (text: string) => boolean = () => false): Promise<ConfigDiscovery> {
  const passedOver: ConfigDiscovery['passedOver'] = [];
  const repository = repositoryRootOf(directory);
  const boundary = repository === undefined ? undefined : realPathOf(repository);
  // A configuration file that is a symlink out of the repository is not the repository's.
  const outside = (candidate: string, current: string) => {
    const real = realPathOf(candidate);
    const root = boundary ?? realPathOf(current);
    if (real === undefined || root === undefined || isWithin(root, real)) return false;
    passedOver.push({ file: candidate, reason: 'it is a symlink to a file outside the repository' });
    return true;
  };
  for (let current = resolve(directory); ; current = dirname(current)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (outside(candidate, current)) continue;
      const read = readConfigText(candidate);
      if (read.ok) return { file: candidate, text: read.text, passedOver };
      // A file that is there but cannot be read is an error to report, not a reason to look further.
      if (read.reason !== 'no such file or directory') return { file: candidate, passedOver };
    }
    const shared = join(current, SHARED_FILE_NAME);
    const read = outside(shared, current) ? undefined : readConfigText(shared);
    if (read?.ok) {
      const foreign = isPreset(read.text) ? undefined : (await import('./foreign.js')).foreignReason(read.text);
      if (foreign === undefined) return { file: shared, text: read.text, passedOver };
      passedOver.push({ file: shared, reason: foreign });
    } else if (read && read.reason !== 'no such file or directory') {
      passedOver.push({ file: shared, reason: `cannot read it: ${read.reason}` });
    }
    if (holdsGit(current) || dirname(current) === current) return { file: undefined, passedOver };
  }
}
