// Bridges what Swift cannot import from ncursesw: function-like and attribute
// macros, and mutable C globals (errors under strict concurrency).
#ifndef MOTCUA_CNCURSESW_SHIM_H
#define MOTCUA_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

extern int wcwidth(wchar_t c);

static inline int motcua_key_f(int n) { return KEY_F(n); }
static inline unsigned int motcua_a_bold(void) { return A_BOLD; }
static inline unsigned int motcua_a_reverse(void) { return A_REVERSE; }
static inline unsigned int motcua_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int motcua_a_dim(void) { return A_DIM; }
static inline unsigned int motcua_a_normal(void) { return A_NORMAL; }
static inline int motcua_lines(void) { return LINES; }
static inline int motcua_cols(void) { return COLS; }
static inline WINDOW *motcua_stdscr(void) { return stdscr; }
static inline unsigned int motcua_color_pair(int n) { return COLOR_PAIR(n); }
static inline int motcua_color_pairs(void) { return COLOR_PAIRS; }
/* The character set of the current locale ("UTF-8" when Vietnamese can be shown). */
static inline const char *motcua_codeset(void) { return nl_langinfo(CODESET); }
#endif
