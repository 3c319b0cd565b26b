#!/usr/bin/env python3
"""IIS sub-status codes and codes outside 100-599 through the CLI (issue 15) (TAP).

usage: test_extra.py HTTPCODES

The expected names are read off Microsoft's KB 943891 list and the vendors' pages cited in
data/iis.txt and data/other-codes.txt, written here by hand.
"""

import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, done  # noqa: E402

BIN = sys.argv[1]


def run(*args):
    e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    p = subprocess.run([BIN, *args], env=e, capture_output=True, timeout=20, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


# --- httpcodes 500.19 ---------------------------------------------------------------------------
rc, out, err = run("--lang", "en", "500.19")
first = out.splitlines()[0] if out else ""
check("500.19 answers (exit 0)", rc == 0 and err == "", (rc, err))
check("500.19 title", first == "500.19 Configuration data is invalid [IIS]", first)
flat = re.sub(r"\n  (?=\S)", " ", out).replace("sc- substatus", "sc-substatus")  # undo the wrapping
check("500.19 says what it is: a sub-status of 500 logged as sc-substatus 19",
      "\nRange: an IIS sub-status of 500 (the client gets 500; the IIS log has sc-substatus 19)\n" in flat,
      flat[:400])
check("500.19 says what to check (web.config, the HRESULT)", "In practice" in out and "HRESULT" in out, out)
check("500.19 shows no cacheability (it is not a status of its own)", "Cacheable" not in out, out[:300])
check("500.19 has no empty Description heading", "\nDescription\n" not in out, out)
rc, out, _ = run("--lang", "ko", "500.19")
check("500.19 in Korean: its Korean name and '하위 상태 코드'",
      rc == 0 and "구성 데이터가 잘못됨" in out and "500의 IIS 하위 상태 코드" in out, out[:300])
for code, phrase in (("403.14", "Directory listing denied"), ("404.3", "MIME type restriction"),
                     ("502.5", "Process Failure"), ("401.1", "Logon failed")):
    rc, out, _ = run("--lang", "en", code)
    check(f"{code} answers: {phrase}", rc == 0 and out.startswith(f"{code} {phrase} ["), out[:100])
rc, out, _ = run("--lang", "en", "HTTP Error 500.19 - Internal Server Error")
check("the line of the IIS error page, pasted, finds 500.19", rc == 0 and out.startswith("500.19 Configuration"),
      out[:100])
rc, out, err = run("500.99")
check("an unknown sub-status (500.99) finds nothing: exit 1", rc == 1 and out == "", (rc, out[:200]))

# --- the parent's entry lists its sub-status codes ----------------------------------------------
rc, out, _ = run("--lang", "en", "500")
sec = out.split("\nIIS sub-status codes\n", 1)
check("500's entry has a section 'IIS sub-status codes'", len(sec) == 2, out[-600:])
lines = sec[1].split("\n\n")[0].splitlines() if len(sec) == 2 else []
check("500's section lists 500.0, 500.19 and 500.30", any(l.strip() == "500.19 Configuration data is invalid"
      for l in lines) and any(l.strip().startswith("500.0 ") for l in lines)
      and any(l.strip() == "500.30 In-Process Startup Failure" for l in lines), lines)
rc, out, _ = run("--lang", "ko", "404")
check("404's Korean entry has 'IIS 하위 상태 코드' with 404.3",
      "\nIIS 하위 상태 코드\n" in out and "404.3 MIME 유형 제한 (MIME type restriction)" in out, out[-800:])
rc, out, _ = run("--lang", "en", "418")
check("418 has no sub-status section", "IIS sub-status" not in out)
rc, out, _ = run("--lang", "en", "4xx")
check("4xx lists only three-digit codes (sub-status codes stay out of the classes)",
      rc == 0 and all(re.match(r"^4\d\d\t", l) for l in out.splitlines()), out[:300])

# --- codes outside 100-599 ----------------------------------------------------------------------
OUTSIDE = "Range: outside 100-599: not a standard HTTP status code"
for code, title in (("999", "999 (request denied) [LinkedIn]"),
                    ("783", "783 Unexpected Token [Shopify]"),
                    ("000", "000 (connection closed with HTTP/2 GOAWAY) [AWS ELB]"),
                    ("0", "0 (no response visible to the script) [web browsers")):
    rc, out, err = run("--lang", "en", code)
    check(f"{code} answers with its entry", rc == 0 and out.startswith(title), (rc, out[:120], err))
    check(f"{code} is labelled as outside the standard range", OUTSIDE in out, out[:300])
rc, out, _ = run("--lang", "ko", "999")
check("999 in Korean: 범위: 100~599 밖", "\n범위: 100~599 밖: 표준 HTTP 상태 코드가 아님\n" in out, out[:300])
rc, out, _ = run("--lang", "en", "0")
check("'0' is the browser's status, not AWS's 000", "AWS ELB" not in out.splitlines()[0], out[:200])

# --- --json ----------------------------------------------------------------------------------------
rc, out, _ = run("--json", "500.19")
d = json.loads(out) if rc == 0 else []
check("--json 500.19: code 500, code_text '500.19', range 'iis-substatus'",
      len(d) == 1 and d[0]["code"] == 500 and d[0]["code_text"] == "500.19" and d[0]["range"] == "iis-substatus"
      and d[0]["phrase_en"] == "Configuration data is invalid", out[:300])
rc0, out0, _ = run("--json", "0")
rc1, out1, _ = run("--json", "000")
d0, d1 = json.loads(out0), json.loads(out1)
check("--json 0 and --json 000 are two entries told apart by code_text",
      [x.get("code_text") for x in d0] == ["0"] and [x.get("code_text") for x in d1] == ["000"]
      and d0[0].get("range") == d1[0].get("range") == "outside-100-599", (out0[:200], out1[:200]))
rc, out, _ = run("--list")
check("--list (TSV) keeps to the table: no sub-status, no code outside 100-599",
      rc == 0 and all(re.match(r"^[1-5]\d\d\t", l) for l in out.splitlines()), out[:200])
rc, out, _ = run("--json", "404")
check("--json 404 has no code_text (the table's own entries are unchanged)", '"code_text"' not in out)

# --- found by words ----------------------------------------------------------------------------------
rc, out, _ = run("--search", "web.config")
check("--search web.config finds 500.19", rc == 0 and any(l.startswith("500.19\t") for l in out.splitlines()),
      out[:400])
rc, out, _ = run("linkedin")
check("'linkedin' finds 999", rc == 0 and out.startswith("999 "), out[:200])
rc, out, _ = run("--search", "applicationhost.config")
check("--search applicationhost.config finds 500.19", rc == 0 and "500.19" in out, out[:200])
rc, out, _ = run("--search", "Not Found")
check("--search 'Not Found' puts the table's 404 before IIS's 404.0",
      rc == 0 and "404.0\t" in out and out.index("404\tNot Found") < out.index("404.0\t"), out[:300])
rc, out, _ = run("찾을 수 없음")
check("a name the table has ('찾을 수 없음') still prints the one entry in full, without IIS's 404.0",
      rc == 0 and out.startswith("404 Not Found\n") and "404.0" not in out.split("IIS")[0], out[:200])
rc, out, _ = run("linkedin")
check("words the table does not have find the codes outside it ('linkedin': 999 in full)",
      rc == 0 and out.startswith("999 (request denied) [LinkedIn]"), out[:200])
rc, out, _ = run("404", "999", "500.19")
check("404 999 500.19: each in full, in order", rc == 0 and out.startswith("404 Not Found\n")
      and "\n\n999 (request denied)" in out and "\n\n500.19 Configuration" in out, out[:200])

done()
