#!/usr/bin/env python3
"""The CLI's side of the search (issue 10, TAP): a pasted status line or a
code with words resolves to the code; when not every word matches, the best
partial matches are printed and stderr says so in one line; nothing at all
is still "nothing matches" (exit 1).

usage: test_cli_search.py HTTPCODES
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done  # noqa: E402

BIN = sys.argv[1]


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", HTTPCODES_LANG="en", NO_COLOR="1")
    p = subprocess.run([BIN, *args], env=env, capture_output=True, timeout=20, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


for q in ("HTTP/1.1 404 Not Found", "HTTP/2 404", "HTTP 404", "404 에러", "(404)", "'404'", "404.",
          "error 404", "status 404"):
    rc, out, err = run(q)
    check(f"{q!r} is 404, printed in full", rc == 0 and out.startswith("404 Not Found\n")
          and "Description" in out and err == "", f"rc={rc}\n{out[:300]}\n{err}")

rc, out, err = run("server busy zzyzx")
lines = err.splitlines()
check("partial matches: exit 0, results on stdout", rc == 0 and out.strip() != "", f"rc={rc}\n{out}\n{err}")
check("partial matches: one line on stderr says not every word matched",
      len(lines) == 1 and "not every word matched" in lines[0] and "2 of 3" in lines[0], err)
check("partial matches: 503 first", out.startswith("503"), out[:200])

rc, out, err = run("server busy")
check("every word matched: nothing on stderr", rc == 0 and err == "", err)

# One entry matches every word: it is printed in full, and the partial
# matches that follow it in the ranking are named on stderr (search.h).
rc, out, err = run("delete call works but returns no body at all")
check("one full match among partial ones: printed in full", rc == 0 and out.startswith("200 OK\n")
      and "Description" in out, f"rc={rc}\n{out[:300]}")
check("one full match among partial ones: stderr names the others in one line",
      len(err.splitlines()) == 1 and "only some of the words" in err and "204" in err, err)
env_ko = ["--lang", "ko"]
rc, out, err = run(*env_ko, "delete call works but returns no body at all")
check("the same line in Korean with --lang ko", "일부만 맞는 코드" in err and "204" in err, err)
rc, out, err = run("gateway timeout")
check("a name typed: no line on stderr", rc == 0 and err == "", err)

# Typed in the other script: the search reads it again and says how, in
# one line (dubeol.h: dlswmd vlfdy are the keys of 인증 필요; translit.h).
rc, out, err = run("dlswmd vlfdy")
check("Hangul typed on the English layout: 401 first, exit 0", rc == 0 and out.startswith("401"),
      f"rc={rc}\n{out[:200]}\n{err}")
check("... and stderr says what was searched",
      err == "httpcodes: showing results for '인증 필요'\n", err)
rc, out, err = run(*env_ko, "낫 파운드")
check("English typed in Hangul, in Korean: 404, and stderr says what was searched",
      rc == 0 and out.startswith("404") and err == "httpcodes: 'not found' 검색 결과를 보여 줍니다\n",
      f"rc={rc}\n{out[:200]}\n{err}")
rc, out, err = run("timeout")
check("a query read as typed: no such line", rc == 0 and err == "", err)

# A constant a library has dropped is still its code (constants.txt,
# [removed in V]): Spring 6's HttpStatus.CHECKPOINT is 103.
rc, out, err = run("HttpStatus.CHECKPOINT")
check("a dropped constant: HttpStatus.CHECKPOINT is 103", rc == 0 and out.startswith("103 Early Hints\n"),
      f"rc={rc}\n{out[:200]}\n{err}")
check("... and 103's page names it with its note",
      "HttpStatus.CHECKPOINT (removed in 7.0)" in out, out)

rc, out, err = run("zzyzx qqxq")
check("no word matches: nothing matches, exit 1", rc == 1 and "nothing matches" in err and out == "",
      f"rc={rc}\n{out}\n{err}")

# 됬 is read as 됐, the spelling it always stands for: 금지됬음 (nothing
# found before) finds 403 like 금지됐음.
rc, out, err = run("금지됬음")
check("'금지됬음' (됬 for 됐) finds 403 Forbidden first", rc == 0 and out.startswith("403\t"),
      f"rc={rc}\n{out[:200]}\n{err}")
# A negated verb ("isn't") is optional, as noise is, and tips the balance
# where the table has "not": "user isn't logged in" matches every word it
# must (before, "isn't" was a word no entry has: partial matches only).
rc, out, err = run("user isn't logged in")
check("'user isn't logged in': every word matched, 401 and 403 first",
      rc == 0 and err == "" and sorted(l.split("\t")[0] for l in out.splitlines()[:2]) == ["401", "403"],
      f"rc={rc}\n{out[:200]}\n{err}")

# A Korean word for "error", "code" or "number" with a particle or an
# ending is noise, as the word alone is (에러는, 코드예요, 번이에요): 429's
# Korean name with them finds 429 (494, 'request header too large', came
# first when 에러는 and 코드예요 were words to match).
rc, out, err = run("너무 많은 요청 에러는 어떤 코드예요?")
check("'너무 많은 요청 에러는 어떤 코드예요?' finds 429 first", rc == 0 and out.startswith("429"),
      f"rc={rc}\n{out[:200]}\n{err}")

# A word that is the whole of an entry's one-word English name counts as
# its name does in a sentence: 'unauthorized' decides over 호출했는데 (429's
# 'API 호출 한도' came first).
rc, out, err = run("API 호출했는데 unauthorized 떠요")
check("'API 호출했는데 unauthorized 떠요' finds 401 first", rc == 0 and out.startswith("401"),
      f"rc={rc}\n{out[:200]}\n{err}")

# An English possessive is also the word alone: "URL's length" is the
# table's "URL length" (414), where "url's" matched no word (413 first).
rc, out, err = run("The requested URL's length exceeds the capacity limit for this server.")
check("Apache's 'The requested URL's length exceeds ...' finds 414 first",
      rc == 0 and out.startswith("414\t"), f"rc={rc}\n{out[:200]}\n{err}")
rc, out, err = run("url’s length exceeds")
check("... and with U+2019: 'url’s length exceeds' finds 414 first",
      rc == 0 and out.startswith("414\t"), f"rc={rc}\n{out[:200]}\n{err}")

# A verb's plain form and what is quoted with it (필요하다, 필요하다는) come
# off as 필요함 does: 401's Korean name 인증 필요 is found in a sentence
# (496/nginx came first when 필요하다는 matched no word).
rc, out, err = run("인증이 필요하다는 걸 알려주는 코드")
check("'인증이 필요하다는 걸 알려주는 코드' finds 401 first", rc == 0 and out.startswith("401\t"),
      f"rc={rc}\n{out[:200]}\n{err}")

done()
