#!/usr/bin/env python3
"""Check data/facts.txt and data/guide.txt against the table and write decide_data.c.

Usage: gen_decide.py --facts data/facts.txt --guide data/guide.txt --output decide_data.c TABLE...

The facts are what `httpcodes --compare` and `--json` show per registered code;
the guide is the yes/no question tree of `httpcodes --choose` and the quiz's
scenarios. Both are read only here, at build time; mistakes fail the build with
`file:line: message`. The code table (data/[1-5]xx*.txt) is parsed with
gen_table's own parser, so that every code and see-also line is the one the
program has.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_table  # noqa: E402  (the table's parser and C string writer)

REDIRECT = ("none", "permanent", "temporary", "other", "choice")
METHOD = ("kept", "may-change", "to-get")
RETRY = ("-", "not-needed", "same", "later", "changed", "no")
BODY = ("yes", "no")
KIND = ("interim", "final", "switch")
STRENGTH = ("must", "should", "may", "usual")

FACT_FIELDS = {"Code": True, "Kind": False, "Redirect": False, "Method": False, "Retry": True,
               "Body": True, "Header": False}
LINK_FIELDS = {"Mdn-En": True, "Mdn-Ko": True}
QUESTION_FIELDS = {"Question": True, "Ask-En": True, "Ask-Ko": True, "Yes": True, "No": True}
ANSWER_FIELDS = {"Answer": True, "Why-En": True, "Why-Ko": True, "Rule-Out": True,
                 "Rule-Out-En": False, "Rule-Out-Ko": False, "Scenario-En": True, "Scenario-Ko": True}
EXCLUDED_FIELDS = {"Excluded": True, "Why-En": True, "Why-Ko": True}

ID_RE = re.compile(r"^[a-z][a-z0-9-]*$")
CODE_RE = re.compile(r"^[1-5][0-9]{2}$")


def value_ref(st, name, allowed, err):
    """`value; reference` -> (value, reference or '')."""
    text = st.text(name)
    if text is None:
        return None, ""
    parts = [p.strip() for p in text.split(";")]
    value, ref = parts[0], "; ".join(parts[1:])
    if value not in allowed:
        err.add(st.path, st.lineno(name), f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    if ref and not gen_table.REF_RE.match(ref):
        err.add(st.path, st.lineno(name), f"{name} reference {ref!r} is not 'RFC N §x.y'")
    return value, ref


def header_facts(st, err):
    """Header: one `Field-Name; strength[; reference]` per line (continuation lines for more)."""
    out = []
    for lineno, text in st.lines("Header"):
        parts = [p.strip() for p in text.split(";")]
        if len(parts) < 2 or len(parts) > 3:
            err.add(st.path, lineno, "Header must be 'Field-Name; strength[; reference]'")
            continue
        name, strength = parts[0], parts[1]
        ref = parts[2] if len(parts) == 3 else ""
        if not gen_table.HEADER_RE.match(name):
            err.add(st.path, lineno, f"{name!r} is not a field name")
        if strength not in STRENGTH:
            err.add(st.path, lineno, f"header strength must be one of {', '.join(STRENGTH)}")
        if ref and not gen_table.REF_RE.match(ref):
            err.add(st.path, lineno, f"reference {ref!r} is not 'RFC N §x.y'")
        out.append((name, strength, ref, lineno))
    return out


def codes_list(st, name, err):
    out = []
    for tok in (st.text(name) or "").split():
        if not CODE_RE.match(tok):
            err.add(st.path, st.lineno(name), f"{tok!r} is not a code")
        else:
            out.append(int(tok))
    return out


def load_table(paths, err):
    entries = []
    for path in paths:
        for st in gen_table.parse_file(path, err):
            if "Class" in st.fields:
                continue
            e = gen_table.build_entry(st, err)
            if e:
                entries.append(e)
    return entries


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", required=True)
    ap.add_argument("--guide", required=True)
    ap.add_argument("--output", "-o")
    ap.add_argument("table", nargs="+")
    args = ap.parse_args(argv)

    err = gen_table.Errors()
    table = load_table(args.table, err)
    registered = {e["code"]: e for e in table if not e["vendor"]}

    # --- facts
    facts, mdn = {}, {"en": set(), "ko": set()}
    for st in gen_table.parse_file(args.facts, err):
        if "Mdn-En" in st.fields:
            gen_table.check_fields(st, LINK_FIELDS, err)
            mdn["en"] = set(codes_list(st, "Mdn-En", err))
            mdn["ko"] = set(codes_list(st, "Mdn-Ko", err))
            for c in sorted(mdn["en"] | mdn["ko"]):
                if c not in registered:
                    err.add(st.path, st.line, f"MDN page listed for {c}, which is not a registered code")
            if not mdn["ko"] <= mdn["en"]:
                err.add(st.path, st.lineno("Mdn-Ko"), "a Korean MDN page without an English one")
            continue
        gen_table.check_fields(st, FACT_FIELDS, err)
        code_txt = st.text("Code") or ""
        if not CODE_RE.match(code_txt):
            err.add(st.path, st.lineno("Code"), f"bad code {code_txt!r}")
            continue
        code = int(code_txt)
        if code not in registered:
            err.add(st.path, st.lineno("Code"), f"{code} is not a registered code of the table")
            continue
        if code in facts:
            err.add(st.path, st.lineno("Code"), f"facts for {code} already given at {facts[code]['where']}")
            continue
        f = {"code": code, "where": f"{st.path}:{st.line}"}
        kind, f["kind_ref"] = value_ref(st, "Kind", KIND, err)
        f["kind"] = kind or ("interim" if code < 200 else "final")
        if code >= 200 and f["kind"] != "final":
            err.add(st.path, st.lineno("Kind"), "only a 1xx code can be interim or switch protocols")
        f["redirect"], f["redirect_ref"] = value_ref(st, "Redirect", REDIRECT, err)
        f["method"], f["method_ref"] = value_ref(st, "Method", METHOD, err)
        f["retry"], f["retry_ref"] = value_ref(st, "Retry", RETRY, err)
        f["body"], f["body_ref"] = value_ref(st, "Body", BODY, err)
        f["headers"] = header_facts(st, err)
        is3 = 300 <= code < 400
        if is3 and f["redirect"] is None:
            err.add(st.path, st.line, f"{code} is a 3xx code: it needs a Redirect fact")
        if not is3 and f["redirect"] is not None:
            err.add(st.path, st.lineno("Redirect"), "Redirect is a fact of 3xx codes only")
        moving = f["redirect"] in ("permanent", "temporary", "other")
        if moving and f["method"] is None:
            err.add(st.path, st.line, f"{code} redirects: it needs a Method fact")
        if f["method"] is not None and not moving:
            err.add(st.path, st.lineno("Method"), "Method is a fact of redirects only")
        # Interim responses and 204/205/304 end at the header section (RFC 9110 §15.2, §15.3.5,
        # §15.3.6, §15.4.5): the file must agree.
        no_body = code < 200 or code in (204, 205, 304)
        if (f["body"] == "no") != no_body:
            err.add(st.path, st.lineno("Body"), f"Body of {code} must be {'no' if no_body else 'yes'}")
        known = {h.lower() for h in registered[code]["headers"]}
        for name, _, _, lineno in f["headers"]:
            if name.lower() not in known:
                err.add(st.path, lineno, f"{name} is not in the Headers field of {code}")
        facts[code] = f
    for code, e in sorted(registered.items()):
        if code not in facts:
            err.add(args.facts, 1, f"no facts for the registered code {code} ({e['path']}:{e['line']})")

    # --- guide
    questions, answers, excluded = {}, {}, {}
    order_q = []
    for st in gen_table.parse_file(args.guide, err):
        if "Question" in st.fields:
            gen_table.check_fields(st, QUESTION_FIELDS, err)
            qid = st.text("Question") or ""
            if not ID_RE.match(qid):
                err.add(st.path, st.lineno("Question"), f"question id {qid!r} must be a lower-case word")
                continue
            if qid in questions:
                err.add(st.path, st.lineno("Question"), f"question {qid} already defined")
                continue
            q = {"id": qid, "st": st}
            for k in ("Ask-En", "Ask-Ko", "Yes", "No"):
                q[k] = st.text(k) or ""
            if not gen_table.HANGUL_RE.search(q["Ask-Ko"]):
                err.add(st.path, st.lineno("Ask-Ko"), "Ask-Ko has no Korean text")
            questions[qid] = q
            order_q.append(qid)
        elif "Answer" in st.fields:
            gen_table.check_fields(st, ANSWER_FIELDS, err)
            txt = st.text("Answer") or ""
            if not CODE_RE.match(txt) or int(txt) not in registered:
                err.add(st.path, st.lineno("Answer"), f"answer {txt!r} is not a registered code")
                continue
            code = int(txt)
            if code in answers:
                err.add(st.path, st.lineno("Answer"), f"answer {code} already defined")
                continue
            a = {"code": code, "st": st}
            for k in ("Why-En", "Why-Ko", "Scenario-En", "Scenario-Ko"):
                a[k] = st.text(k) or ""
                if k.endswith("-Ko") and not gen_table.HANGUL_RE.search(a[k]):
                    err.add(st.path, st.lineno(k), f"{k} has no Korean text")
                if a[k].endswith("."):
                    err.add(st.path, st.lineno(k), f"{k} ends with a period")
            a["rule_out"] = codes_list(st, "Rule-Out", err)
            own_en = {c: t for c, _, t in gen_table.parse_see(st, "Rule-Out-En", err)}
            own_ko = {c: t for c, _, t in gen_table.parse_see(st, "Rule-Out-Ko", err)}
            if set(own_en) != set(own_ko):
                err.add(st.path, st.lineno("Rule-Out-Ko"), "Rule-Out-En and Rule-Out-Ko name different codes")
            lines = []
            see = {c: (en, ko) for (c, _, en), (_, _, ko) in zip(registered[code]["see_en"],
                                                                 registered[code]["see_ko"])}
            for c in a["rule_out"]:
                if c == code or c not in registered:
                    err.add(st.path, st.lineno("Rule-Out"), f"cannot rule out {c}")
                    continue
                if c in own_en and c in own_ko:
                    lines.append((c, own_en[c], own_ko[c]))
                elif c in see:
                    lines.append((c, see[c][0], see[c][1]))
                else:
                    back = {x: (en, ko) for (x, _, en), (_, _, ko) in zip(registered[c]["see_en"],
                                                                          registered[c]["see_ko"])}
                    if code in back:
                        lines.append((c, back[code][0], back[code][1]))
                    else:
                        err.add(st.path, st.lineno("Rule-Out"),
                                f"no line says how {c} differs from {code}: add it to See-Also of {code}"
                                " or to Rule-Out-En/-Ko here")
            for c in own_en:
                if c not in a["rule_out"]:
                    err.add(st.path, st.lineno("Rule-Out-En"), f"{c} has a line but is not in Rule-Out")
            a["lines"] = lines
            answers[code] = a
        elif "Excluded" in st.fields:
            gen_table.check_fields(st, EXCLUDED_FIELDS, err)
            why = (st.text("Why-En") or "", st.text("Why-Ko") or "")
            for c in codes_list(st, "Excluded", err):
                if c not in registered:
                    err.add(st.path, st.lineno("Excluded"), f"{c} is not a registered code")
                elif c in excluded:
                    err.add(st.path, st.lineno("Excluded"), f"{c} is excluded twice")
                else:
                    excluded[c] = (why, st.path, st.lineno("Excluded"))
        else:
            err.add(st.path, st.line, "a guide stanza starts with Question, Answer or Excluded")

    # Targets exist; the tree is reachable from "start", has no cycle, every answer is reached.
    def target(q, k):
        t = q[k]
        if CODE_RE.match(t):
            if int(t) not in answers:
                err.add(q["st"].path, q["st"].lineno(k), f"{k} leads to {t}, which has no Answer stanza")
                return None
            return ("a", int(t))
        if t not in questions:
            err.add(q["st"].path, q["st"].lineno(k), f"{k} leads to unknown question {t!r}")
            return None
        return ("q", t)

    edges = {qid: (target(q, "Yes"), target(q, "No")) for qid, q in questions.items()}
    if "start" not in questions:
        err.add(args.guide, 1, "no question named start")
    else:
        seen_q, seen_a, state = set(), set(), {}

        def walk(qid, path):
            if state.get(qid) == 1:
                err.add(questions[qid]["st"].path, questions[qid]["st"].line,
                        "cycle: " + " -> ".join(path + [qid]))
                return
            if state.get(qid) == 2:
                return
            state[qid] = 1
            seen_q.add(qid)
            for t in edges[qid]:
                if t and t[0] == "q":
                    walk(t[1], path + [qid])
                elif t:
                    seen_a.add(t[1])
            state[qid] = 2

        walk("start", [])
        for qid in questions:
            if qid not in seen_q:
                err.add(questions[qid]["st"].path, questions[qid]["st"].line,
                        f"question {qid} cannot be reached from start")
        for c, a in answers.items():
            if c not in seen_a:
                err.add(a["st"].path, a["st"].line, f"answer {c} cannot be reached from start")
    for c in sorted(registered):
        if c in answers and c in excluded:
            err.add(excluded[c][1], excluded[c][2], f"{c} is both an answer and excluded")
        elif c not in answers and c not in excluded:
            err.add(args.guide, 1, f"registered code {c} is neither an answer of the guide nor excluded")

    if err.report("gen_decide.py", "nothing generated"):
        return 1
    if args.output:
        emit(args.output, facts, mdn, questions, order_q, answers, excluded)
    return 0


def emit(path, facts, mdn, questions, order_q, answers, excluded):
    # No pointer in the tables (src/catalog.h): strings are hc_srefs into one
    # pool (gen_table.Pool, number 5), the headers of the facts and the
    # rule-outs of the answers one array each, named by first index and count.
    pool = gen_table.Pool("hc_decide_text", "HC_COLD_DATA", 5)
    s = pool.ref
    o = []
    up = lambda v: v.upper().replace("-", "_")  # noqa: E731
    first_header, n = {}, 0
    o.append("const struct hc_fact_header hc_fact_headers[] = {")
    for code, f in sorted(facts.items()):
        first_header[code] = n
        for name, strength, ref, _ in f["headers"]:
            o.append(f"\t{{ {s(name)}, HC_STRENGTH_{up(strength)}, {s(ref)} }}, /* {code} */")
            n += 1
    if not n:
        o.append("\t{ 0, HC_STRENGTH_MUST, 0 },")
    o.append("};")
    o.append("const struct hc_facts hc_facts_table[] = {")
    for code, f in sorted(facts.items()):
        hd = f"{first_header[code]}, {len(f['headers'])}" if f["headers"] else "0, 0"
        redirect = f"HC_REDIRECT_{up(f['redirect'])}" if f["redirect"] else "HC_REDIRECT_NA"
        method = f"HC_METHOD_{up(f['method'])}" if f["method"] else "HC_METHOD_NA"
        retry = "HC_RETRY_UNKNOWN" if f["retry"] == "-" else f"HC_RETRY_{up(f['retry'])}"
        o.append(f"\t{{ {code}, HC_KIND_{up(f['kind'])}, {redirect}, {method}, {retry},"
                 f" {'true' if f['body'] == 'yes' else 'false'},")
        o.append(f"\t  {s(f['kind_ref'])}, {s(f['redirect_ref'])}, {s(f['method_ref'])},"
                 f" {s(f['retry_ref'])}, {s(f['body_ref'])},")
        o.append(f"\t  {hd}, {'true' if code in mdn['en'] else 'false'},"
                 f" {'true' if code in mdn['ko'] else 'false'} }},")
    o.append("};")
    o.append("const size_t hc_facts_table_len = sizeof hc_facts_table / sizeof hc_facts_table[0];")
    o.append("")
    # Guide: questions in file order ("start" first), then answers; a target is
    # a question index (>= 0) or -(answer index + 1).
    qs = ["start"] + [q for q in order_q if q != "start"]
    qi = {q: i for i, q in enumerate(qs)}
    codes = sorted(answers)
    ai = {c: i for i, c in enumerate(codes)}

    def tgt(t):
        return str(-(ai[int(t)] + 1)) if CODE_RE.match(t) else str(qi[t])

    first_ro, n = {}, 0
    o.append("const struct hc_rule_out hc_rule_outs[] = {")
    for c in codes:
        first_ro[c] = n
        for x, en, ko in answers[c]["lines"]:
            o.append(f"\t{{ {x}, {s(en)}, {s(ko)} }}, /* {c} */")
            n += 1
    if not n:
        o.append("\t{ 0, 0, 0 },")
    o.append("};")
    if n > 0xffff:
        raise ValueError("over 65535 rule-out lines")
    o.append("const struct hc_guide_question hc_guide_questions[] = {")
    for q in qs:
        d = questions[q]
        o.append(f"\t{{ {s(q)}, {s(d['Ask-En'])},")
        o.append(f"\t  {s(d['Ask-Ko'])}, {tgt(d['Yes'])}, {tgt(d['No'])} }},")
    o.append("};")
    o.append("const size_t hc_guide_questions_len = sizeof hc_guide_questions / sizeof hc_guide_questions[0];")
    o.append("const struct hc_guide_answer hc_guide_answers[] = {")
    for c in codes:
        a = answers[c]
        o.append(f"\t{{ {c}, {s(a['Why-En'])},")
        o.append(f"\t  {s(a['Why-Ko'])},")
        o.append(f"\t  {s(a['Scenario-En'])},")
        o.append(f"\t  {s(a['Scenario-Ko'])},")
        o.append(f"\t  {first_ro[c]}, {len(a['lines'])} }},")
    o.append("};")
    o.append("const size_t hc_guide_answers_len = sizeof hc_guide_answers / sizeof hc_guide_answers[0];")
    o.append("const struct hc_guide_excluded hc_guide_excluded[] = {")
    for c in sorted(excluded):
        (en, ko), _, _ = excluded[c]
        o.append(f"\t{{ {c}, {s(en)}, {s(ko)} }},")
    o.append("};")
    o.append("const size_t hc_guide_excluded_len = sizeof hc_guide_excluded / sizeof hc_guide_excluded[0];")
    head = ["/* decide_data.c - generated by data/gen_decide.py from data/facts.txt and data/guide.txt.",
            " * GENERATED FILE - DO NOT EDIT. Edit the source and rebuild. */",
            '#include "catalog_data.h"', '#include "decide_data.h"', ""]
    with open(path, "w", encoding="ascii") as out:
        out.write("\n".join(head + pool.c_array() + [""] + o) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
