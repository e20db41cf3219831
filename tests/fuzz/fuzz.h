/* fuzz.h - shared by the fuzz targets and the replay driver (fuzz_main.c). */
#ifndef UNITC_FUZZ_H
#define UNITC_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A property of the output does not hold: print what and abort, so the fuzzer keeps the
 * input and the replay run fails. */
#define FUZZ_ASSERT(cond, ...)                                                     \
        do {                                                                       \
                if (!(cond)) {                                                     \
                        fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__, __LINE__, #cond); \
                        fprintf(stderr, __VA_ARGS__);                              \
                        fputc('\n', stderr);                                       \
                        abort();                                                   \
                }                                                                  \
        } while (0)

#endif
