/*
 * ui_text.c - the browser's words in English and Korean (see ui_text.h).
 */
#include "ui_text.h"

#include <stddef.h>

static const char *const text[HC_UI_COUNT][2] = {
	[HC_UI_SEARCH_LABEL] = { "Search: ", "검색: " },
	[HC_UI_SEARCH_IDLE] = { "press / or a digit to search, ? for help",
	                        "/나 숫자로 검색, ?는 도움말" },
	[HC_UI_FIND_LABEL] = { "Find in entry: ", "본문에서 찾기: " },
	[HC_UI_GOTO_LABEL] = { "Go to code: ", "코드로 이동: " },
	[HC_UI_DETAIL] = { "Detail", "자세히" },
	[HC_UI_DETAIL_FOCUSED] = { "Detail (j/k scroll, Tab back)", "자세히 (j/k 스크롤, Tab 목록)" },
	[HC_UI_CODES] = { "%zu codes", "코드 %zu개" },
	[HC_UI_MATCH_ONE] = { "%zu match of %zu", "%2$zu개 중 %1$zu개 일치" },
	[HC_UI_MATCH_MANY] = { "%zu matches of %zu", "%2$zu개 중 %1$zu개 일치" },
	[HC_UI_DETAIL_POS] = { "detail %d-%d/%d", "본문 %d-%d/%d" },
	[HC_UI_MORE] = { "[more]", "[계속]" },
	[HC_UI_NOTHING_SELECTED] = { "Nothing selected.", "선택한 항목이 없습니다." },
	[HC_UI_NO_MATCH_TREE] = { "No code matches the search.", "검색과 맞는 코드가 없습니다." },
	[HC_UI_EMPTY_TABLE] = { "The table is empty.", "표가 비어 있습니다." },
	[HC_UI_TOO_LONG] = { "The search is too long.", "검색어가 너무 깁니다." },
	[HC_UI_INVALID] = { "The search has characters that cannot be searched.",
	                    "검색할 수 없는 문자가 들어 있습니다." },
	[HC_UI_NOMEM] = { "Out of memory while searching.", "검색하는 중에 메모리가 모자랍니다." },
	[HC_UI_NOMEM_ANY] = { "Out of memory.", "메모리가 모자랍니다." },
	[HC_UI_NO_SEARCH] = { "No search to repeat: press / to search.",
	                      "되풀이할 검색이 없습니다. /를 눌러 검색하십시오." },
	[HC_UI_PARTIAL] = { "Not every word matched: the best partial matches.",
	                    "모든 단어가 맞는 코드가 없어 일부가 맞는 코드를 보여 줍니다." },
	[HC_UI_SOME_WORDS] = { "%zu matched every word; the others below match some of them.",
	                       "모든 단어가 맞는 코드는 %zu개이고, 그 아래는 일부만 맞습니다." },
	[HC_UI_READ_AS] = { "Showing results for '%.*s'.", "'%.*s' 검색 결과를 보여 줍니다." },
	[HC_UI_LIMIT] = { "The search is limited to %d bytes.", "검색어는 %d바이트까지입니다." },
	[HC_UI_REFUSED] = { "That character cannot be searched.", "그 문자는 검색할 수 없습니다." },
	[HC_UI_BAD_INPUT] = { "Ignored input that is not valid text in this locale.",
	                      "이 로캘에서 올바른 텍스트가 아닌 입력은 무시했습니다." },
	[HC_UI_LANG_IS] = { "Language: %s", "언어: %s" },
	[HC_UI_LANG_BOTH] = { "English and Korean", "영어와 한국어" },
	[HC_UI_LANG_KO] = { "Korean", "한국어" },
	[HC_UI_LANG_EN] = { "English", "영어" },
	[HC_UI_SELECT_CODE] = { "Select a code first.", "먼저 코드를 선택하십시오." },
	[HC_UI_NO_LINKS] = { "This entry mentions no other code.",
	                     "이 항목에는 다른 코드가 나오지 않습니다." },
	[HC_UI_LINK] = { "Link %zu of %zu: %03u (Enter follows, Backspace comes back)",
	                 "링크 %zu/%zu: %03u (Enter로 이동, Backspace로 돌아옴)" },
	[HC_UI_BACK_EMPTY] = { "Nothing to go back to.", "돌아갈 곳이 없습니다." },
	[HC_UI_BACK_TO] = { "Back to %03u.", "%03u(으)로 돌아왔습니다." },
	[HC_UI_GOTO_UNKNOWN] = { "No code %s in the table.", "표에 %s 코드가 없습니다." },
	[HC_UI_FIND_NONE] = { "Not in this entry: %s", "이 항목에 없습니다: %s" },
	[HC_UI_FIND_POS] = { "Match %zu of %zu (n/N: next/previous)",
	                     "%2$zu개 중 %1$zu번째 (n/N: 다음/이전)" },
	[HC_UI_FIND_POS_ONE] = { "1 match", "1개 일치" },
	[HC_UI_EXPANDED_ALL] = { "All classes open (- closes them).",
	                         "모든 클래스를 펼쳤습니다 (-로 접기)." },
	[HC_UI_COLLAPSED_ALL] = { "All classes closed (+ opens them).",
	                          "모든 클래스를 접었습니다 (+로 펼치기)." },
	[HC_UI_COPY_TITLE] = { "Copy", "복사" },
	[HC_UI_COPY_CODE] = { "code and phrase", "코드와 이름" },
	[HC_UI_COPY_NAME] = { "Korean name", "한국어 이름" },
	[HC_UI_COPY_SUMMARY] = { "summary", "요약" },
	[HC_UI_COPY_ENTRY] = { "whole entry as text", "항목 전체 (텍스트)" },
	[HC_UI_COPY_URL] = { "URL to read more", "참고 URL" },
	[HC_UI_COPY_FOOT] = { "Esc cancels", "Esc 취소" },
	[HC_UI_COPY_NONE] = { "Nothing of that kind to copy here.",
	                      "여기에는 복사할 그 내용이 없습니다." },
	[HC_UI_COPIED] = { "Copied \"%s\" (OSC 52).", "\"%s\" 복사함 (OSC 52)." },
	[HC_UI_COPIED_LONG] = { "Copied %zu bytes (OSC 52).", "%zu바이트 복사함 (OSC 52)." },
	[HC_UI_COPIED_TMUX] = { "Copied \"%s\" (OSC 52; tmux may drop it)",
	                        "\"%s\" 복사함 (OSC 52, tmux에서는 안 될 수 있음)" },
	[HC_UI_COPY_SHOW_TITLE] = { "Select and copy by hand", "직접 선택해서 복사하십시오" },
	[HC_UI_COPY_SHOW_WHY_TMUX] = {
		"Sent with OSC 52, which tmux and screen pass on only when set up for it "
		"(tmux: set -g set-clipboard on). The mouse is off: drag to select.",
		"OSC 52로 보냈지만 tmux와 screen은 설정했을 때만 전달합니다 "
		"(tmux: set -g set-clipboard on). 마우스를 껐으니 끌어서 선택하십시오." },
	[HC_UI_COPY_SHOW_WHY_CONSOLE] = {
		"This terminal has no clipboard sequence (OSC 52). The mouse is off: select "
		"the text as this terminal allows.",
		"이 터미널에는 클립보드 시퀀스(OSC 52)가 없습니다. 마우스를 껐으니 터미널에서 "
		"할 수 있는 방법으로 선택하십시오." },
	[HC_UI_COPY_SHOW_FOOT] = { " any key closes ", " 아무 키나 누르면 닫힘 " },
	[HC_UI_MOUSE_ON] = { "Mouse on: click selects, the wheel scrolls (M turns it off).",
	                     "마우스 켬: 클릭으로 선택, 휠로 스크롤 (M으로 끄기)." },
	[HC_UI_MOUSE_OFF] = { "Mouse off: the terminal selects text (M turns it on).",
	                      "마우스 끔: 터미널에서 텍스트를 선택할 수 있습니다 (M으로 켜기)." },
	[HC_UI_HELP_TITLE] = { " Help ", " 도움말 " },
	[HC_UI_HELP_MORE] = { " j/k: more, any other key closes ", " j/k: 더 보기, 다른 키: 닫기 " },
	[HC_UI_HELP_CLOSE] = { " any key closes ", " 아무 키나 누르면 닫힘 " },
	[HC_UI_EXAMPLE_SHOWN] = { "Example shown (e hides it).", "예시를 보입니다 (e로 숨기기)." },
	[HC_UI_EXAMPLE_HIDDEN] = { "Example hidden (e shows it).", "예시를 숨겼습니다 (e로 보이기)." },
	[HC_UI_NO_EXAMPLE] = { "%03u has no example exchange.", "%03u에는 예시가 없습니다." },
	[HC_UI_CONST_COPIED] = { "Copied \"%s\" (%s; OSC 52; C picks another language)",
	                         "\"%s\" 복사함 (%s, OSC 52, C로 다른 언어)" },
	[HC_UI_CONST_NONE] = { "%s has no constant for %03u (C picks another language).",
	                       "%s에는 %03u의 상수가 없습니다 (C로 다른 언어)." },
	[HC_UI_CONST_FIRST] = { "In code: %s first (Y copies its constant).",
	                        "In code: %s 먼저 (Y로 그 상수 복사)." },
	[HC_UI_QUERY_CUT] = { "Some characters of the query were left out.",
	                      "검색어의 일부 문자는 뺐습니다." },
};

const char *hc_ui(enum hc_ui id, bool ko)
{
	const char *s;

	if ((unsigned)id >= HC_UI_COUNT)
		return "";
	s = text[id][ko ? 1 : 0];
	return s ? s : text[id][0] ? text[id][0] : "";
}

static const struct hc_hint hints_tree[2][8] = {
	{ { "/", "search" }, { "Tab", "detail" }, { "?", "help" }, { "q", "quit" },
	  { "y", "copy" }, { "+/-", "all" }, { ":", "go to" }, { "L", "lang" } },
	{ { "/", "검색" }, { "Tab", "본문" }, { "?", "도움말" }, { "q", "끝" },
	  { "y", "복사" }, { "+/-", "전체" }, { ":", "이동" }, { "L", "언어" } },
};
static const struct hc_hint hints_detail[2][8] = {
	{ { "j/k", "scroll" }, { "Tab", "tree" }, { "?", "help" }, { "q", "quit" },
	  { "]/[", "links" }, { "Bksp", "back" }, { "/", "find" }, { "y", "copy" } },
	{ { "j/k", "스크롤" }, { "Tab", "목록" }, { "?", "도움말" }, { "q", "끝" },
	  { "]/[", "링크" }, { "Bksp", "뒤로" }, { "/", "찾기" }, { "y", "복사" } },
};
/* "?" is not offered here: in the search line it is typed (issue 14). */
static const struct hc_hint hints_search[2][5] = {
	{ { "Enter", "keep" }, { "Esc", "clear" }, { "Up/Down", "select" },
	  { "Ctrl-W", "word" }, { "Ctrl-C", "cancel" } },
	{ { "Enter", "유지" }, { "Esc", "지우기" }, { "Up/Down", "선택" },
	  { "Ctrl-W", "단어" }, { "Ctrl-C", "취소" } },
};
static const struct hc_hint hints_find[2][3] = {
	{ { "Enter", "keep" }, { "Esc", "cancel" }, { "n/N", "next/prev" } },
	{ { "Enter", "유지" }, { "Esc", "취소" }, { "n/N", "다음/이전" } },
};
static const struct hc_hint hints_goto[2][2] = {
	{ { "Enter", "go" }, { "Esc", "cancel" } },
	{ { "Enter", "이동" }, { "Esc", "취소" } },
};

const struct hc_hint *hc_ui_hints(enum hc_hints which, bool ko, int *n)
{
	int k = ko ? 1 : 0;

	switch (which) {
	case HC_HINTS_SEARCH:
		*n = (int)(sizeof hints_search[0] / sizeof hints_search[0][0]);
		return hints_search[k];
	case HC_HINTS_DETAIL:
		*n = (int)(sizeof hints_detail[0] / sizeof hints_detail[0][0]);
		return hints_detail[k];
	case HC_HINTS_FIND:
		*n = (int)(sizeof hints_find[0] / sizeof hints_find[0][0]);
		return hints_find[k];
	case HC_HINTS_GOTO:
		*n = (int)(sizeof hints_goto[0] / sizeof hints_goto[0][0]);
		return hints_goto[k];
	case HC_HINTS_TREE:
		break;
	}
	*n = (int)(sizeof hints_tree[0] / sizeof hints_tree[0][0]);
	return hints_tree[k];
}

static const char *const help_en[] = {
	"#Moving around",
	"Up/Down, k/j\tmove the selection",
	"PgUp/PgDn, Space\ta page down / up (Ctrl-F / Ctrl-B too)",
	"Home/End, g/G\tfirst / last row",
	"Right, l, Enter\texpand a class; on a code, go to its detail",
	"Left, h\tcollapse, or go to the class",
	"+ / -\texpand / collapse every class",
	": CODE Enter\tgo to a code",
	"Tab\tfocus tree / detail",
	"#In the detail",
	"j/k, Space\tscroll a line / a page",
	"] / [\tnext / previous code mentioned (a link)",
	"Enter\tfollow the link",
	"Backspace, b\tgo back (Alt-Left too)",
	"/ then n / N\tfind in the entry; next / previous",
	"#Searching",
	"/\tsearch by code, name or words",
	"0-9\tstart a search with that digit",
	"n / N\tnext / previous match",
	"Enter\tkeep the filter, back to the tree",
	"Esc, Ctrl-C\tclear the search",
	"Backspace\tdelete a character; on an empty line, leave",
	"Ctrl-W, Ctrl-K\tdelete the word before / the rest",
	"Ctrl-U\tdelete the line",
	"Ctrl-N, Ctrl-P\tnext / previous row",
	"Left/Right\tmove by character",
	"#Other",
	"L\tlanguage: both -> ko -> en",
	"y\tcopy: code, Korean name, summary, entry, URL",
	"Y / C\tcopy the constant / next language of In code",
	"e\texample on/off",
	"M\tmouse on/off (off: the terminal selects text)",
	"u\tcopy the next Read more URL",
	"m / c\tmark a code / compare the marked codes",
	"w\twhich code should I use? (a guide)",
	"s\twith --log: sort by log lines / by code",
	"? / q\tthis help / quit",
	"Mouse\tclick selects, the wheel scrolls",
};

static const char *const help_ko[] = {
	"#이동",
	"Up/Down, k/j\t선택 이동",
	"PgUp/PgDn, Space\t한 쪽 아래 / 위 (Ctrl-F / Ctrl-B도)",
	"Home/End, g/G\t첫 줄 / 마지막 줄",
	"Right, l, Enter\t클래스 펼치기, 코드에서는 본문으로",
	"Left, h\t접기, 또는 클래스로",
	"+ / -\t모든 클래스 펼치기 / 접기",
	": 코드 Enter\t코드로 이동",
	"Tab\t목록 / 본문 전환",
	"#본문에서",
	"j/k, Space\t한 줄 / 한 쪽 스크롤",
	"] / [\t다음 / 이전 코드 링크",
	"Enter\t링크 따라가기",
	"Backspace, b\t뒤로 (Alt-Left도)",
	"/ 다음 n / N\t항목 안에서 찾기, 다음 / 이전",
	"#검색",
	"/\t코드, 이름, 낱말로 검색",
	"0-9\t그 숫자로 검색 시작",
	"n / N\t다음 / 이전 결과",
	"Enter\t결과를 두고 목록으로",
	"Esc, Ctrl-C\t검색 지우기",
	"Backspace\t한 글자 지우기, 빈 줄에서는 나가기",
	"Ctrl-W, Ctrl-K\t앞 낱말 / 뒤쪽 전부 지우기",
	"Ctrl-U\t줄 지우기",
	"Ctrl-N, Ctrl-P\t다음 / 이전 줄",
	"Left/Right\t한 글자씩 이동",
	"#기타",
	"L\t언어: 둘 다 -> 한국어 -> 영어",
	"y\t복사: 코드, 한국어 이름, 요약, 항목, URL",
	"Y / C\t상수 복사 / In code 다음 언어",
	"e\t예시 켜기/끄기",
	"M\t마우스 켜기/끄기 (끄면 터미널로 선택)",
	"u\t다음 참고 URL 복사",
	"m / c\t코드 표시 / 표시한 코드 비교",
	"w\t어떤 코드를 쓸까? (안내)",
	"s\t--log와 함께: 로그 줄 수 순 / 코드 순",
	"? / q\t도움말 / 끝내기",
	"마우스\t클릭으로 선택, 휠로 스크롤",
};

const char *const *hc_ui_help(bool ko, int *n)
{
	if (ko) {
		*n = (int)(sizeof help_ko / sizeof help_ko[0]);
		return help_ko;
	}
	*n = (int)(sizeof help_en / sizeof help_en[0]);
	return help_en;
}
