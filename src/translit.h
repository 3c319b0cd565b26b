/*
 * translit.h - English typed in Hangul, spelled again in English: people
 * type 낫 파운드 for Not Found, 언오소라이즈드 for Unauthorized, 투 매니
 * 리퀘스트 for Too Many Requests, 겟 and 포스트 for GET and POST, 제이슨 for
 * JSON. No curses, no table, no allocation.
 *
 * Only the words of the table's English names that Korean text does not
 * use as words of its own: 서버, 프록시, 헤더, 타임아웃 … are Korean
 * loanwords the table has, and stay. A token is rewritten only when it is
 * a whole word (white space around it) spelled as one of the list, which
 * keeps the common spellings (컨텐트 and 콘텐트, 언오소라이즈드 and
 * 언어소라이즈드), or such a spelling with a particle or an ending glued
 * to it (겟으로, 제이슨이라서: kstem.h), which is left out; a spelling of one
 * syllable takes one only when no Korean word is spelled so (겟, 폼: 낫어요
 * is 났어요 mistyped). Many are Korean words too (낫, 노, 곤), so the search uses
 * the rewrite only as a last try, when words are left unmatched, and keeps
 * it only when fewer are (search.h).
 */
#ifndef HC_TRANSLIT_H
#define HC_TRANSLIT_H

#include <stddef.h>
#include <stdint.h>

/* Copies s[0..n) (UTF-8) into out, which has room for 2 * n bytes, with
 * each whole word in the list replaced by its English spelling; returns
 * the length written (a word may keep its length: 낫 → not). */
size_t hc_query_translit(const uint8_t *s, size_t n, uint8_t *out);

#endif
