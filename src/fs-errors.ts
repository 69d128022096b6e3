// What went wrong with a file, in the words a message gives it (`Cannot read "x": permission
// denied`). A leaf module: input, config, cache, baseline and the CLI all report file errors.

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many levels of symbolic links (a symlink loop)';
    case 'EISDIR': return 'it is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ENOSPC': return 'no space left on the device';
    case 'EROFS': return 'the file system is read-only';
    case 'EDQUOT': return 'the disk quota is exceeded';
    case 'ENAMETOOLONG': return 'the path is too long';
    case 'EBADF': return 'it is closed';
    default: return error instanceof Error ? error.message : String(error);
  }
}
