#ifndef KENSHU_FUZZER_ENTRY_H
#define KENSHU_FUZZER_ENTRY_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (libclang_rt.fuzzer): runs the fuzzing loop with this callback.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
