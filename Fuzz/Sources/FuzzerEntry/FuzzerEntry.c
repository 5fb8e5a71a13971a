// The entry points of the fuzz targets' executables.
//
// A debug build of an executable target on Linux renames its `main`: SwiftPM compiles the
// target with `-entry-point-function-name <module>_main` and links with
// `--defsym main=<module>_main` (so that tests can link the executable's module). With
// `-parse-as-library` there is no Swift `main`, and libFuzzer's own `main` is never pulled in
// (the defsym defines `main`), so each `<module>_main` is defined here and hands over to
// libFuzzer's driver with the target's `LLVMFuzzerTestOneInput`. A build without the renaming
// (release) simply links libFuzzer's `main`; these functions are then unused.
#include "FuzzerEntry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define KENSHU_FUZZ_ENTRY(module) \
    int module##_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

KENSHU_FUZZ_ENTRY(fuzz_csv)
KENSHU_FUZZ_ENTRY(fuzz_rules)
KENSHU_FUZZ_ENTRY(fuzz_config)
KENSHU_FUZZ_ENTRY(fuzz_xcri)
KENSHU_FUZZ_ENTRY(fuzz_profile)
KENSHU_FUZZ_ENTRY(fuzz_mime)
