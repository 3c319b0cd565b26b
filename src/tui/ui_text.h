/*
 * ui_text.h - the browser's own words (status messages, key hints, the help
 * overlay, prompts) in English and Korean, from one table, as doc.c's labels
 * are for the entry (no curses here: unit tested). The Korean interface is shown in Korean mode, and in a
 * Korean locale when both languages are shown; English elsewhere.
 */
#ifndef HC_TUI_UI_TEXT_H
#define HC_TUI_UI_TEXT_H

#include <stdbool.h>

enum hc_ui {
	HC_UI_SEARCH_LABEL,     /* "Search: " */
	HC_UI_SEARCH_IDLE,
	HC_UI_FIND_LABEL,       /* the detail's search line */
	HC_UI_GOTO_LABEL,
	HC_UI_DETAIL,           /* the stacked separator's title */
	HC_UI_DETAIL_FOCUSED,
	HC_UI_CODES,            /* "%zu codes" */
	HC_UI_MATCH_ONE,        /* "%zu match of %zu" (matches, total) */
	HC_UI_MATCH_MANY,
	HC_UI_DETAIL_POS,       /* "detail %d-%d/%d" */
	HC_UI_MORE,             /* the "more below" sign */
	HC_UI_NOTHING_SELECTED,
	HC_UI_NO_MATCH_TREE,
	HC_UI_EMPTY_TABLE,
	HC_UI_TOO_LONG,
	HC_UI_INVALID,
	HC_UI_NOMEM,
	HC_UI_NOMEM_ANY,        /* out of memory, whatever the key was for */
	HC_UI_NO_SEARCH,
	HC_UI_PARTIAL,          /* not every word matched anywhere */
	HC_UI_SOME_WORDS,       /* "%zu match every word, the rest some" */
	HC_UI_READ_AS,          /* "Showing results for '%.*s'" (the query as
	                           read in the other script, search.h) */
	HC_UI_LIMIT,            /* "%d bytes" */
	HC_UI_REFUSED,
	HC_UI_BAD_INPUT,
	HC_UI_LANG_IS,          /* "Language: %s" */
	HC_UI_LANG_BOTH,
	HC_UI_LANG_KO,
	HC_UI_LANG_EN,
	HC_UI_SELECT_CODE,      /* "Select a code first." */
	HC_UI_NO_LINKS,
	HC_UI_LINK,             /* "Link %zu of %zu: %03u (Enter follows)" */
	HC_UI_BACK_EMPTY,
	HC_UI_BACK_TO,          /* "Back to %03u" */
	HC_UI_GOTO_UNKNOWN,     /* "No code %s in the table." */
	HC_UI_FIND_NONE,        /* "Not in this entry: %s" */
	HC_UI_FIND_POS,         /* "Match %zu of %zu" */
	HC_UI_FIND_POS_ONE,
	HC_UI_EXPANDED_ALL,
	HC_UI_COLLAPSED_ALL,
	HC_UI_COPY_TITLE,
	HC_UI_COPY_CODE,
	HC_UI_COPY_NAME,
	HC_UI_COPY_SUMMARY,
	HC_UI_COPY_ENTRY,
	HC_UI_COPY_URL,
	HC_UI_COPY_FOOT,
	HC_UI_COPY_NONE,        /* "Nothing of that kind to copy here." */
	HC_UI_COPIED,           /* "Copied \"%s\" (OSC 52)." */
	HC_UI_COPIED_LONG,      /* "Copied %zu characters (OSC 52)." */
	HC_UI_COPIED_TMUX,      /* tmux/screen: may not work */
	HC_UI_COPY_SHOW_TITLE,
	HC_UI_COPY_SHOW_WHY_TMUX,
	HC_UI_COPY_SHOW_WHY_CONSOLE,
	HC_UI_COPY_SHOW_FOOT,
	HC_UI_MOUSE_ON,
	HC_UI_MOUSE_OFF,
	HC_UI_HELP_TITLE,
	HC_UI_HELP_MORE,
	HC_UI_HELP_CLOSE,
	HC_UI_EXAMPLE_SHOWN,
	HC_UI_EXAMPLE_HIDDEN,
	HC_UI_NO_EXAMPLE,       /* "%03u has no example exchange." */
	HC_UI_CONST_COPIED,     /* "Copied \"%s\" (%s; ...)" (constant, language) */
	HC_UI_CONST_NONE,       /* "%s has no constant for %03u ..." */
	HC_UI_CONST_FIRST,      /* "In code: %s first ..." */
	HC_UI_QUERY_CUT,
	HC_UI_COUNT
};

const char *hc_ui(enum hc_ui id, bool ko);

/* Which key hints fit the focus. */
enum hc_hints {
	HC_HINTS_TREE,
	HC_HINTS_DETAIL,
	HC_HINTS_SEARCH,
	HC_HINTS_FIND,          /* typing a search in the detail's text */
	HC_HINTS_GOTO,          /* typing a code to go to */
};

/* Key hints: a key and what it does, most useful first (the status line
 * keeps as many as fit, whole). */
struct hc_hint {
	const char *key, *what;
};
const struct hc_hint *hc_ui_hints(enum hc_hints which, bool ko, int *n);

/* The help overlay: lines "KEYS\tWHAT" (a key column and a description) or
 * "#Heading". */
const char *const *hc_ui_help(bool ko, int *n);

#endif
