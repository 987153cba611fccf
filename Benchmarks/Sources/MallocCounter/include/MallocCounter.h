#ifndef MALLOC_COUNTER_H
#define MALLOC_COUNTER_H

/// Number of malloc, calloc and realloc calls made by the process so far. Zero, with
/// `malloc_counter_is_active()` false, on platforms where the allocator is not interposed.
long malloc_counter_count(void);
/// Whether the interposed allocator functions are in use.
int malloc_counter_is_active(void);

#endif
