"""A generated corpus of broken import files, each certain to be invalid.

Every case is (format name, file path, why it is broken). Built fresh in a
temporary folder for each test run; nothing here is a real person's writing.
"""

from __future__ import annotations

import base64
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
Case = tuple[str, Path, str]


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _csv_cases(root: Path, rng: random.Random) -> Iterator[Case]:
    good = (FIXTURES / "daylio_current.csv").read_text("utf-8")
    header, *rows = good.splitlines()
    bad_headers = [
        "full_date,date,weekday,time,mood,activities,note_title",
        "date,weekday,time,mood,activities,note",
        "full_date,date,weekday,time,mood,activities,note_title,note,extra",
        "",
        "FULL DATE;date;weekday;time;mood;activities;note_title;note",
    ]
    for i, h in enumerate(bad_headers):
        yield "daylio-csv", _write(root / f"hdr{i}.csv", h + "\n" + "\n".join(rows)), "header"
    for i in range(30):
        row = rows[rng.randrange(len(rows))].split(",")
        row[0] = rng.choice(["2026-13-01", "2026-02-30", "yesterday", "", "14/03/2026", "2026-3"])
        yield "daylio-csv", _write(root / f"date{i}.csv", header + "\n" + ",".join(row)), "date"
    for i in range(30):
        row = rows[1].split(",")
        row[3] = rng.choice(["25:00", "9:40 xm", "13:40 pm", "noon", "", "9.40pm", "0:00 am"])
        yield "daylio-csv", _write(root / f"time{i}.csv", header + "\n" + ",".join(row)), "time"
    for i in range(30):
        line = rows[rng.randrange(len(rows))]
        cut = rng.randrange(1, 7)
        short = ",".join(line.split(",")[:cut])
        yield "daylio-csv", _write(root / f"cols{i}.csv", header + "\n" + short), "columns"
    for i in range(30):
        quoted = rows[0]
        where = quoted.index('"') + rng.randrange(1, 10)
        broken = quoted[:where] + '"x"' + quoted[where:]
        yield "daylio-csv", _write(root / f"quote{i}.csv", header + "\n" + broken), "quoting"
    for i, enc in enumerate(["utf-16", "latin-1", "cp1252", "utf-32"]):
        text = good.replace("First time", "Fürst time é")
        yield (
            "daylio-csv",
            _write(root / f"enc{i}.csv", text.encode(enc, errors="replace")),
            "encoding",
        )
    for i in range(20):
        data = bytearray(good.encode("utf-8"))
        data.insert(rng.randrange(len(header) + 1, len(data)), 0xFF)
        yield "daylio-csv", _write(root / f"byte{i}.csv", bytes(data)), "encoding"


def _json_docs(root: Path, rng: random.Random) -> Iterator[Case]:
    jrnl = (FIXTURES / "jrnl.json").read_text("utf-8")
    for i in range(100):
        cut = rng.randrange(1, len(jrnl) - 2)
        yield "jrnl-json", _write(root / f"trunc{i}.json", jrnl[:cut]), "truncated"
    doc = json.loads(jrnl)
    mutations = [
        ("date", "2026-02-31"),
        ("date", 20260312),
        ("time", "25:61"),
        ("time", None),
        ("title", None),
        ("title", 5),
        ("tags", "evening"),
        ("body", ["x"]),
    ]
    for i, (key, value) in enumerate(mutations * 4):
        bad = json.loads(jrnl)
        bad["entries"][i % 2][key] = value
        yield "jrnl-json", _write(root / f"field{i}.json", json.dumps(bad)), "field"
    twice = dict(doc, entries=[doc["entries"][1], doc["entries"][1]])
    yield "jrnl-json", _write(root / "dup.json", json.dumps(twice)), "duplicate ids"
    yield "jrnl-json", _write(root / "deep.json", "[" * 5000 + "]" * 5000), "deep"
    nested = {"entries": [], "tags": {}, "x": json.loads("[" * 100 + "]" * 100)}
    yield "jrnl-json", _write(root / "deep2.json", json.dumps(nested)), "deep"
    yield "jrnl-json", _write(root / "list.json", "[1, 2, 3]"), "shape"
    yield "jrnl-json", _write(root / "utf16.json", jrnl.encode("utf-16")), "encoding"


def _text_cases(root: Path, rng: random.Random) -> Iterator[Case]:
    good = (FIXTURES / "jrnl.txt").read_text("utf-8")
    for i in range(20):
        stamp = rng.choice(
            [
                "2026-13-12 08:10",
                "2026-03-32 08:10",
                "2026-03-12 8h10",
                "2026-03-12 08:10:00 XM",
                "2026-03-12T08:10:99",
            ]
        )
        yield (
            "jrnl-text",
            _write(root / f"stamp{i}.txt", good.replace("2026-03-12 08:10", stamp)),
            "date",
        )
    for i in range(10):
        yield "jrnl-text", _write(root / f"lead{i}.txt", f"a stray line {i}\n" + good), "orphan"
    yield "jrnl-text", _write(root / "empty.txt", ""), "empty"
    yield (
        "jrnl-text",
        _write(root / "latin.txt", good.replace("badly", "mal été").encode("latin-1")),
        "enc",
    )


def _zip_cases(root: Path, rng: random.Random) -> Iterator[Case]:
    day_one = (FIXTURES / "day_one_Journal.json").read_text("utf-8")
    backup = (FIXTURES / "daylio_backup.json").read_bytes()
    good_zip = root / "good_day_one.zip"
    with zipfile.ZipFile(good_zip, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Journal.json", day_one)
    raw = good_zip.read_bytes()
    for i in range(80):
        cut = rng.randrange(10, len(raw) - 1)
        yield "day-one", _write(root / f"cut{i}.zip", raw[:cut]), "truncated zip"
    for i, name in enumerate(["../evil.json", "/abs.json", "a/../../b.json", "..\\win.json"]):
        path = root / f"slip{i}.zip"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("Journal.json", day_one)
            z.writestr(name, "{}")
        yield "day-one", path, "zip slip"
    link = root / "link.zip"
    with zipfile.ZipFile(link, "w") as z:
        info = zipfile.ZipInfo("Journal.json")
        info.external_attr = 0o120777 << 16
        z.writestr(info, "/etc/passwd")
    yield "day-one", link, "symlink"
    doc = json.loads(day_one)
    mutations = [
        ("creationDate", "not a date"),
        ("creationDate", None),
        ("uuid", None),
        ("tags", "x"),
        ("uuid", 7),
    ]
    for i, (key, value) in enumerate(mutations * 4):
        bad = json.loads(day_one)
        bad["entries"][i % 2][key] = value
        path = root / f"dofield{i}.zip"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("Journal.json", json.dumps(bad))
        yield "day-one", path, "field"
    dup = dict(doc, entries=[doc["entries"][0], doc["entries"][0]])
    with zipfile.ZipFile(root / "dodup.zip", "w") as z:
        z.writestr("Journal.json", json.dumps(dup))
    yield "day-one", root / "dodup.zip", "duplicate ids"
    for i in range(20):
        bad_doc = json.loads(backup)
        entry = bad_doc["dayEntries"][i % 2]
        field_name, field_value = rng.choice(
            [
                ("datetime", "x"),
                ("mood", 99),
                ("tags", [42]),
                ("id", None),
                ("timeZoneOffset", 10**12),
            ]
        )
        entry[field_name] = field_value
        path = root / f"dl{i}.daylio"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("backup.daylio", base64.b64encode(json.dumps(bad_doc).encode()))
        yield "daylio-backup", path, "field"
    for i in range(10):
        path = root / f"dlb64_{i}.daylio"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("backup.daylio", base64.b64encode(backup)[: rng.randrange(5, 200)])
        yield "daylio-backup", path, "truncated base64 JSON"


def _tidewise_cases(root: Path, rng: random.Random) -> Iterator[Case]:
    entry = {
        "id": "e-0001",
        "created": "2026-03-14T21:40:00+00:00",
        "time_zone": "UTC",
        "zone_assumed": False,
        "text": "A quiet evening.",
        "checkin": {"closeness": 1, "shame": 2},
        "tags": ["evening"],
        "starred": False,
        "import_key": None,
        "analysis": None,
    }
    doc = {
        "format": "tidewise-export",
        "version": 1,
        "exported_at": "2026-04-01T09:00:00+00:00",
        "state": {},
        "entries": [entry],
    }
    good = json.dumps(doc)
    for i in range(60):
        cut = rng.randrange(1, len(good) - 1)
        yield "tidewise-json", _write(root / f"tw_trunc{i}.json", good[:cut]), "truncated"
    mutations = [
        ("created", "2026-03-14T21:40:00"),
        ("created", "soon"),
        ("text", None),
        ("checkin", {"closeness": 9}),
        ("checkin", {"shame": -1}),
        ("checkin", "high"),
        ("tags", "evening"),
        ("analysis", {"version": "x"}),
    ]
    for i, (key, value) in enumerate(mutations * 3):
        bad = json.loads(good)
        bad["entries"][0][key] = value
        yield "tidewise-json", _write(root / f"tw_field{i}.json", json.dumps(bad)), "field"
    for i, (doc_key, doc_value) in enumerate(
        [("version", 2), ("format", "other"), ("entries", {})]
    ):
        bad = json.loads(good)
        bad[doc_key] = doc_value
        yield "tidewise-json", _write(root / f"tw_doc{i}.json", json.dumps(bad)), "document"
    twice = dict(doc, entries=[entry, entry])
    yield "tidewise-json", _write(root / "tw_dup.json", json.dumps(twice)), "duplicate entries"


def build_corpus(root: Path, seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    for make in (_csv_cases, _json_docs, _text_cases, _zip_cases, _tidewise_cases):
        sub = root / make.__name__.strip("_")
        sub.mkdir()
        cases.extend(make(sub, rng))
    big = root / "huge.csv"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    cases.append(("daylio-csv", big, "200 MB"))
    return cases
