// Interposes malloc, calloc, realloc and free (Linux, glibc) to count allocations. The real
// functions are found with dlsym(RTLD_NEXT); while dlsym itself allocates during that lookup,
// requests are served from a small static arena that free() recognises and ignores.
#define _GNU_SOURCE
#include "MallocCounter.h"

#if defined(__linux__)
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static long counter;
static int resolving;
static _Alignas(16) char arena[16384];
static size_t arena_used;

static int in_arena(void *pointer) {
    return (char *)pointer >= arena && (char *)pointer < arena + sizeof arena;
}

static void *arena_alloc(size_t size) {
    size_t rounded = (size + 15) & ~(size_t)15;
    if (arena_used + rounded > sizeof arena) return NULL;
    void *result = arena + arena_used;
    arena_used += rounded;
    return result; // static storage: already zero
}

static void resolve(void) {
    if (real_malloc || resolving) return;
    resolving = 1;
    real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
    real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
    real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
    real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
    resolving = 0;
}

void *malloc(size_t size) {
    resolve();
    if (!real_malloc) return arena_alloc(size);
    __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED);
    return real_malloc(size);
}

void *calloc(size_t count, size_t size) {
    resolve();
    if (!real_calloc) return arena_alloc(count * size);
    __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED);
    return real_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    resolve();
    if (in_arena(pointer) || !real_realloc) {
        void *result = malloc(size);
        if (result && pointer) {
            size_t available = (size_t)(arena + sizeof arena - (char *)pointer);
            memcpy(result, pointer, size < available ? size : available);
        }
        return result;
    }
    __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED);
    return real_realloc(pointer, size);
}

void free(void *pointer) {
    if (!pointer || in_arena(pointer)) return;
    resolve();
    if (real_free) real_free(pointer);
}

long malloc_counter_count(void) { return __atomic_load_n(&counter, __ATOMIC_RELAXED); }
int malloc_counter_is_active(void) { return real_malloc != NULL; }

#else
long malloc_counter_count(void) { return 0; }
int malloc_counter_is_active(void) { return 0; }
#endif
