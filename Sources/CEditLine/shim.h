#ifndef LRLAB_CEDITLINE_SHIM_H
#define LRLAB_CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

// Swift 6's strict concurrency rejects assigning C globals from Swift, so the
// few libedit globals lrlab sets are reached through these setters.

typedef char **lrlab_completion_function(const char *, int, int);
typedef char *lrlab_generator_function(const char *, int);

static inline void lrlab_set_completion_function(lrlab_completion_function *function) {
    rl_attempted_completion_function = function;
}

static inline void lrlab_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

static inline void lrlab_set_attempted_completion_over(int over) {
    rl_attempted_completion_over = over;
}

static inline char **lrlab_completion_matches(const char *text, lrlab_generator_function *generator) {
    return rl_completion_matches(text, generator);
}

static inline const char *lrlab_line_buffer(void) {
    return rl_line_buffer;
}

static inline void lrlab_set_readline_name(const char *name) {
    rl_readline_name = name;
}

static inline void lrlab_set_basic_word_break_characters(const char *characters) {
    rl_basic_word_break_characters = characters;
}

#endif
