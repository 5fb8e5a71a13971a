#ifndef KENSHU_SYSTEM_SHIMS_H
#define KENSHU_SYSTEM_SHIMS_H

/// Flushes every file of the file system that `fd` is on to the disk (Linux `syncfs`): one
/// call in place of an fsync per file when many files were written. Returns 0, or -1 with
/// errno set; ENOSYS where the system has no such call (then fsync each file).
int kenshu_syncfs(int fd);

#endif
