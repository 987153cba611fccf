#ifndef LRLAB_FUZZER_DRIVER_H
#define LRLAB_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (in the runtime that -sanitize=fuzzer links). SwiftPM names each
// executable's entry point itself, which stops libFuzzer's own main from being used, so each
// harness has a main.swift that hands its callback to this function instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
