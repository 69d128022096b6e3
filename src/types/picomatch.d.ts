// The part of picomatch (rules.yaml globs, directory walks) elb-lint uses. `picomatch/posix` is the
// same matcher without its platform check, which needs neither node:path nor process (the playground).
declare module 'picomatch' {
  interface PicomatchOptions {
    dot?: boolean;
    strictBrackets?: boolean;
    nocase?: boolean;
  }
  function picomatch(glob: string | string[], options?: PicomatchOptions): (path: string) => boolean;
  export default picomatch;
}
declare module 'picomatch/posix' {
  import picomatch from 'picomatch';
  export default picomatch;
}
