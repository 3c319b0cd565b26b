/*
 * toggles.c - what the browser shows, switched by a key: L (the language),
 * e (the example exchange in the detail), C (which language In code shows
 * first, and Y copies) and M (the mouse, off to let the terminal select).
 */
#include <stdbool.h>
#include <stddef.h>

#include "app_state.h"
#include "catalog.h"
#include "doc.h"
#include "term.h"
#include "toggles.h"
#include "ui_text.h"

void hc_toggle_lang(struct hc_app *a)
{
	if (!a->cfg->hangul_ok) {
		say(a, "Korean needs a UTF-8 locale, e.g. LANG=C.UTF-8.");
		return;
	}
	switch (a->lang) {
	case HC_LANG_BOTH: a->lang = HC_LANG_KO; break;
	case HC_LANG_KO: a->lang = HC_LANG_EN; break;
	case HC_LANG_EN: a->lang = HC_LANG_BOTH; break;
	}
	say_ui(a, HC_UI_LANG_IS, T(a, a->lang == HC_LANG_BOTH ? HC_UI_LANG_BOTH :
	                           a->lang == HC_LANG_KO ? HC_UI_LANG_KO : HC_UI_LANG_EN));
}

/* e: show or hide the example exchange in the detail (and go to it). */
void hc_toggle_example(struct hc_run *R)
{
	struct hc_app *a = &R->a;
	const struct hc_entry *e = selected_entry(a, "see its example");

	if (!e)
		return;
	if (!a->example && !e->example) {
		say_ui(a, HC_UI_NO_EXAMPLE, (unsigned)e->code % 1000);
		return;
	}
	a->example = !a->example;
	a->view_gen++;
	R->to_example = a->example;
	say_ui(a, a->example ? HC_UI_EXAMPLE_SHOWN : HC_UI_EXAMPLE_HIDDEN);
}

/* C: the next language goes first in In code (and is what Y copies). */
void hc_toggle_code_lang(struct hc_app *a)
{
	size_t n;
	const struct hc_code_lang *l = hc_catalog_code_langs(&n);

	if (n == 0)
		return;
	a->code.order[0] = (unsigned char)((first_code_lang(a) + 1) % n);
	if (a->code.n == 0)
		a->code.n = 1;
	for (unsigned i = 1; i < a->code.n; i++)    /* no language twice */
		if (a->code.order[i] == a->code.order[0])
			a->code.order[i] = a->code.order[--a->code.n];
	a->view_gen++;
	say_ui(a, HC_UI_CONST_FIRST,
	    hc_doc_code_lang_name(hc_str(l[a->code.order[0]].id)));
}

void hc_toggle_mouse(struct hc_app *a)
{
	a->mouse_on = !a->mouse_on;
	hc_term_mouse(a->mouse_on);
	say_ui(a, a->mouse_on ? HC_UI_MOUSE_ON : HC_UI_MOUSE_OFF);
}
