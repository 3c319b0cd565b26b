#!/usr/bin/env python3
"""Content checks on the table source (TAP): the corrections of issue 15 that a test can tell.

usage: test_content.py DATA_DIR

Every expectation here is written by hand from the primary sources named in the issue's closing
note (RFC text, vendor documentation, framework source), not from the table itself. The data files
are read with a small parser of our own (tabletext.py), so the test does not depend on gen_table.py.
"""

import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import check, done  # noqa: E402
import tabletext  # noqa: E402

DATA = sys.argv[1]
ENTRIES = tabletext.entries(DATA)
KO_FIELDS = ("Name-Ko", "Aliases-Ko", "Summary-Ko", "Description-Ko", "Note-Ko", "See-Also-Ko")


def find(code, vendor=None):
    """The entry for (code, vendor); vendor None means the registered entry."""
    for e in ENTRIES:
        if e.text("Code") == str(code) and (e.text("Vendor") or None) == vendor:
            return e
    return None


def meanings(code):
    return [e for e in ENTRIES if e.text("Code") == str(code)]


def ko_text(e):
    return "\n".join(e.text(f) if not f.startswith("See-Also") else "\n".join(e.lines(f)) for f in KO_FIELDS)


def all_ko():
    return [(e, ko_text(e)) for e in ENTRIES]


# --- 530: Cloudflare's own title, Shopify's own entry -------------------------------------------
cf530, shop530, pan530 = find(530, "Cloudflare"), find(530, "Shopify"), find(530, "Pantheon")
check("530 has a Cloudflare, a Shopify and a Pantheon entry", cf530 and shop530 and pan530,
      [e.text("Vendor") for e in meanings(530)])
check("530 (Shopify) carries Shopify's phrase 'Origin DNS Error'", shop530 and shop530.text("Phrase") == "Origin DNS Error")
check("530 (Cloudflare) is not titled 'Origin DNS Error' (Cloudflare's docs say only 'Error 530')",
      cf530 and "origin dns error" not in cf530.text("Phrase").lower() and cf530.text("Phrase").startswith("("),
      cf530 and cf530.text("Phrase"))
check("530 (Cloudflare) names no alias 'Origin DNS Error'",
      cf530 and "Origin DNS Error" not in cf530.text("Aliases-En"))

# --- new vendor entries, each with its vendor --------------------------------------------------
NEW = [
    (508, "CloudLinux", "Resource Limit Is Reached"),
    (456, "Microsoft Exchange ActiveSync", "Blocked"),
    (457, "Microsoft Exchange ActiveSync", "Expired Password"),
    (419, "Spring Framework", "Insufficient Space On Resource"),
    (421, "Spring Framework", "Destination Locked"),
    (463, "Alibaba Cloud ALB", None),
]
for code, vendor, phrase in NEW:
    e = find(code, vendor)
    ok = e is not None and e.text("Status") == "unofficial" and (phrase is None or e.text("Phrase") == phrase)
    check(f"{code} ({vendor}) is an unofficial vendor entry" + (f" with phrase {phrase!r}" if phrase else ""), ok,
          e and (e.text("Status"), e.text("Phrase")))
check("Spring's 419, 420 and 421 entries say Spring Framework 7.0 removed the constants (spring-web HttpStatus.java)",
      all(find(c, "Spring Framework") and "7.0" in find(c, "Spring Framework").text("Reference")
          and "7.0" in find(c, "Spring Framework").text("Description-En")
          and "7.0" in find(c, "Spring Framework").text("Description-Ko") for c in (419, 420, 421)))
check("the registered 421 Misdirected Request and 508 Loop Detected are still there",
      find(421) and find(421).text("Phrase") == "Misdirected Request"
      and find(508) and find(508).text("Phrase") == "Loop Detected")
ali = find(463, "Alibaba Cloud ALB")
check("463 (Alibaba Cloud ALB) names its loop-detection header", ali and "ALICLOUD-ALB-TRACE" in ali.text("Headers"))
check("every new entry has both languages", all(
    find(c, v) and all(find(c, v).text(f) for f in ("Summary-En", "Summary-Ko", "Description-En", "Description-Ko",
                                                    "Note-En", "Note-Ko", "Name-Ko")) for c, v, _ in NEW))

# --- AWS: no made-up reason phrases ------------------------------------------------------------
for code in (460, 463, 464):
    e = find(code, "AWS ELB")
    check(f"{code} (AWS ELB): AWS documents no reason phrase, so the phrase is a description in parentheses",
          e and e.text("Phrase").startswith("(") and e.text("Phrase").endswith(")"), e and e.text("Phrase"))
bad_label = [e.where() for e in ENTRIES for f in ("See-Also-En", "See-Also-Ko") for ln in e.lines(f)
             if re.match(r"^460 Client Closed Connection", ln)]
check("no see-also presents 'Client Closed Connection' as AWS's name for 460", not bad_label, bad_label)
e561 = find(561, "AWS ELB")
check("561 (AWS ELB) is an IdP error (IdP 인증 오류), not a refusal",
      e561 and e561.text("Name-Ko") == "IdP 인증 오류" and e561.text("Phrase") == "Unauthorized"
      and "refused the user" not in "\n".join(e561.lines("See-Also-En")), e561 and e561.text("Name-Ko"))

# --- Twitter 420: one name for the APIs; 509: the libraries that ship the phrase ---------------
tw = find(420, "Twitter")
tw_text = tw and " ".join(tw.text(f) for f in ("Reference", "Description-En"))
check("420 (Twitter) names its APIs one way: v1 Search and Trends APIs, Streaming API",
      tw and "Search and Streaming" not in tw_text and tw_text.count("Search and Trends") >= 2
      and "Streaming API" in tw_text and "v1 Search·Trends API" in tw.text("Description-Ko"), tw_text)
e509 = find(509, "cPanel hosting")
check("509 names Spring, Node.js and jshttp, which ship 'Bandwidth Limit Exceeded'",
      e509 and all(w in e509.text("Description-En") and w in e509.text("Description-Ko")
                   for w in ("Spring", "Node.js", "jshttp")))

# --- 218: labelled by who uses it --------------------------------------------------------------
e218 = [e for e in meanings(218)]
check("218 is not labelled [Apache HTTP Server] and says its origin is informal",
      len(e218) == 1 and e218[0].text("Vendor") != "Apache HTTP Server" and "informal" in e218[0].text("Vendor")
      and "informal" in e218[0].text("Description-En"), [e.text("Vendor") for e in e218])

# --- 524: Cloudflare's current default, dated --------------------------------------------------
e524 = find(524, "Cloudflare")
check("524 gives Cloudflare's current 120-second default with a date, in both languages",
      e524 and "120 seconds" in e524.text("Description-En") and "120초" in e524.text("Description-Ko")
      and "2026" in e524.text("Description-En") and "2026" in e524.text("Description-Ko")
      and "100 seconds by default" not in e524.text("Description-En"))

# --- 422: Laravel redirects HTML forms ---------------------------------------------------------
e422 = find(422)
check("422's note says Laravel answers an HTML form with a 302 redirect, JSON requests with 422",
      e422 and "302" in e422.text("Note-En") and "JSON" in e422.text("Note-En")
      and "302" in e422.text("Note-Ko") and "리디렉션" in e422.text("Note-Ko"))

# --- 101 Korean keeps 'over HTTP/2 and HTTP/3'; 102 dropped by RFC 4918 -----------------------
e101 = find(101)
check("101 (Korean): the WebSocket sentence says over HTTP/2 or HTTP/3",
      e101 and re.search(r"HTTP/2나 HTTP/3 위에서 WebSocket", e101.text("Description-Ko")), e101 and e101.text("Description-Ko"))
e102 = find(102)
check("102 says plainly, in both languages, that RFC 4918 dropped it and what a client does today",
      e102 and "RFC 4918" in e102.text("Description-En") and "dropped" in e102.text("Description-En")
      and "RFC 9110 §15.2" in e102.text("Description-En") and "제외" in e102.text("Description-Ko")
      and "RFC 9110" in e102.text("Description-Ko"))

# --- 403's example is our own ------------------------------------------------------------------
e403 = find(403)
check("403's example is not the seed's 'signed in but not paid' case",
      e403 and not re.search(r"paid|pay for", e403.text("Description-En"))
      and not re.search(r"결제|수강료", e403.text("Description-Ko")))

# --- experimental registrations marked ---------------------------------------------------------
for code in (103, 208, 506, 508):
    e = find(code)
    check(f"{code} is marked as coming from an Experimental RFC, in both languages",
          e and "Experimental" in e.text("Description-En") and "실험" in e.text("Description-Ko"))

# --- depth --------------------------------------------------------------------------------------
DEPTH = [
    (204, "Content-Length"), (302, "Search engines"), (404, "soft 404"), (409, "MKCOL"),
    (429, "RateLimit"), (429, "draft"), (500, "request ID"), (502, "keep-alive"), (503, "Retry-After"),
    (503, "Search engines"), (401, 'error="invalid_token"'), (400, "same request"),
]
for code, word in DEPTH:
    e = find(code)
    en = e and " ".join(e.text(f) for f in ("Description-En", "Note-En"))
    check(f"{code} covers {word!r}", e and word.lower() in en.lower(), en)

# --- see-also lines name which meaning of a code with several -----------------------------------
problems = []
for e in ENTRIES:
    for field in ("See-Also-En", "See-Also-Ko"):
        for ln in e.lines(field):
            m = re.match(r"^(\d{3}) (.*)$", ln)
            if not m:
                continue
            targets = meanings(m.group(1))
            if len(targets) < 2:
                continue
            vendors = [t.text("Vendor") for t in targets if t.text("Vendor")]
            named = [v for v in vendors if f"({v})" in ln]
            registered = [t for t in targets if not t.text("Vendor")]
            plain_ok = registered and ln.startswith(f"{m.group(1)} {registered[0].text('Phrase')}") and not named
            if len(named) != 1 and not plain_ok:
                problems.append(f"{e.where()} {field}: {ln[:70]}")
check("a see-also pointing at a code with several meanings names which one ('499 Client Closed Request (nginx)')",
      not problems, "\n".join(problems))
check("the form is 'CODE Phrase (Vendor)': 408 points at '499 Client Closed Request (nginx)'",
      find(408) and any(ln.startswith("499 Client Closed Request (nginx) ") for ln in find(408).lines("See-Also-En")))

# --- Korean style ------------------------------------------------------------------------------
e303 = find(303)
check("303's Korean name is 다른 위치 보기", e303 and e303.text("Name-Ko") == "다른 위치 보기")
FORBIDDEN = [
    ("기타 위치", "303 is 다른 위치 보기; 기타 means miscellaneous"),
    ("양식", "폼, not 양식"),
    ("미디어 타입", "미디어 유형 everywhere"),
    ("콘텐츠 유형", "미디어 유형 everywhere"),
    ("매개변수", "파라미터 is the chosen word"),
    ("먹히지", "register: 적용되지"),
    ("꼬이므로", "register: 오작동하므로"),
    ("빼 버렸", "register: 제외했지만"),
    ("휴리스틱 캐시가 가능한 응답", "one clear wording for heuristic caching"),
]
classes = tabletext.parse(os.path.join(DATA, "classes.txt"))
texts = all_ko() + [(c, "\n".join(c.text(f) for f in ("Name-Ko", "Summary-Ko", "Description-Ko"))) for c in classes]
for word, why in FORBIDDEN:
    where = [e.where() for e, t in texts if word in t]
    check(f"Korean text never says {word!r} ({why})", not where, where)
cache_ko = [e for e, t in all_ko() if "휴리스틱 캐시 대상" in t]
check("the heuristic-cache wording is the same in every heuristically cacheable registered entry",
      all(find(c) and "응답(휴리스틱 캐시 대상)" in find(c).text("Description-Ko")
          for c in (200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501)),
      [c for c in (200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501)
       if "응답(휴리스틱 캐시 대상)" not in find(c).text("Description-Ko")])
check("'306 (Unused)는', with the particle that follows 'Unused'",
      find(305) and any(ln.startswith("306 (Unused)는") for ln in find(305).lines("See-Also-Ko")))
e425 = find(425)
check("425 (Korean) names the risk: a replay attack (재전송 공격)",
      e425 and "재전송 공격" in e425.text("Summary-Ko") and "재전송 공격" in e425.text("Description-Ko"))
e102en = e102 and e102.text("Description-En")
check("English: 'take a long time' (102)", e102en and "take a long time" in e102en and "take long," not in e102en)

# --- every data file opens with a header comment -----------------------------------------------
no_header = []
for path in tabletext.table_files(DATA):
    with open(path, encoding="utf-8") as f:
        if not f.readline().startswith("# "):
            no_header.append(os.path.basename(path))
check("every data file starts with a header comment", not no_header, no_header)

# --- keywords of the seven new vendor entries (what people type; placed right before Cacheable) -----
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def field_order(e):
    """Field names of a stanza in file order (tabletext keeps insertion order)."""
    return list(e.keys())


for code, vendor, _ in NEW + [(530, "Shopify", None)]:
    e = find(code, vendor)
    kw_en = [k.strip() for k in e.text("Keywords-En").split(";") if k.strip()] if e else []
    kw_ko = [k.strip() for k in e.text("Keywords-Ko").split(";") if k.strip()] if e else []
    order = field_order(e) if e else []
    placed = ("Cacheable" in order and order.index("Cacheable") >= 2
              and order[order.index("Cacheable") - 2:order.index("Cacheable")] == ["Keywords-En", "Keywords-Ko"])
    check(f"{code} ({vendor}) has Keywords-En and Keywords-Ko right before Cacheable",
          len(kw_en) >= 3 and len(kw_ko) >= 3 and placed, (order, kw_en, kw_ko))
    names = {x.casefold() for x in [e.text("Phrase"), e.text("Name-Ko")] + e.text("Aliases-En").split("; ")} if e else set()
    check(f"{code} ({vendor}): Korean keywords are Korean, none repeats a name",
          all(HANGUL.search(k) for k in kw_ko) and not names & {k.casefold() for k in kw_en + kw_ko}, (kw_en, kw_ko))

# --- codes outside 100-599 and IIS sub-status codes (their own tables, data/gen_extra.py) --------
drafts = {n: tabletext.parse(os.path.join(DATA, n)) for n in ("other-codes.txt", "iis.txt")}
oor = {st.text("Code"): st for st in drafts["other-codes.txt"]}
check("other-codes.txt has AWS 000, Shopify 783, LinkedIn 999 and a browser's status 0",
      {"000", "783", "999", "0"} <= set(oor), sorted(oor))
iis = {st.text("Code"): st for st in drafts["iis.txt"]}
WANT_IIS = ["401.1", "401.2", "401.3", "403.4", "403.14", "404.0", "404.3", "404.4", "404.7", "404.8", "404.11",
            "404.15", "405.0", "413.1", "500.0", "500.19", "500.21", "500.22", "500.24", "500.50", "502.3",
            "502.5", "503.0"]
check("iis.txt covers the sub-status codes Windows administrators meet",
      set(WANT_IIS) <= set(iis), sorted(set(WANT_IIS) - set(iis)))
incomplete = [f"{name}:{st.line}" for name, sts in drafts.items() for st in sts
              if not all(st.text(f) for f in ("Summary-En", "Summary-Ko", "Note-En", "Note-Ko"))]
check("every stanza of iis.txt and other-codes.txt has both languages", drafts and not incomplete, incomplete)

# --- the style guide lives in the repository (issue 14 item 19) --------------------------------
root = os.path.dirname(os.path.abspath(DATA))
guide = os.path.join(root, "docs", "korean-style.md")
with open(os.path.join(root, "CONTRIBUTING.md"), encoding="utf-8") as f:
    contributing = f.read()
check("CONTRIBUTING.md points at docs/korean-style.md, not at a note outside the repository",
      "docs/korean-style.md" in contributing and "shared/notes" not in contributing)
guide_text = open(guide, encoding="utf-8").read() if os.path.exists(guide) else ""
check("docs/korean-style.md records the chosen terms",
      all(w in guide_text for w in ("다른 위치 보기", "폼", "미디어 유형", "파라미터", "휴리스틱 캐시 대상", "재전송 공격")))
done()
