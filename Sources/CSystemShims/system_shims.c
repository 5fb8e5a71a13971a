#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>
#include "system_shims.h"

int kenshu_syncfs(int fd) {
#ifdef __linux__
    return syncfs(fd);
#else
    (void)fd;
    errno = ENOSYS;
    return -1;
#endif
}
