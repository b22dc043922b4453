"""Load the grounding corpus and say what is malformed, so the bench and the shape test read it the same way."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from testkit.facts.build import HERE, documents, jds, load_people, pdf_path

LINES = HERE / "lines.jsonl"
COVERAGE = HERE / "coverage.json"
INVENTED_KINDS = (
    "employer",
    "renamed_employer",
    "title",
    "promoted_title",
    "number",
    "number_digit",
    "date",
    "skill_in_jd",
    "skill_not_in_jd",
    "degree",
    "school",
    "certification",
    "version",
    "spoken_language",
)
LABELS = ("faithful", *INVENTED_KINDS)
STATUSES = ("resume", "detailed", "missing")
LINE_FIELDS = ("id", "person", "lang", "text", "label", "note")


@dataclass(frozen=True)
class Line:
    id: str
    person: str
    lang: str
    text: str
    label: str
    note: str


def load_lines() -> list[Line]:
    rows = [json.loads(raw) for raw in LINES.read_text(encoding="utf-8").splitlines() if raw.strip()]
    return [Line(**{name: str(row.get(name, "")) for name in LINE_FIELDS}) for row in rows]


def load_coverage() -> list[dict[str, Any]]:
    pairs: list[dict[str, Any]] = json.loads(COVERAGE.read_text(encoding="utf-8"))["pairs"]
    return pairs


def problems() -> list[str]:
    """Everything that makes the corpus unusable: missing files, unknown labels or people, bad fields."""
    found: list[str] = []
    people = {p["id"]: p for p in load_people()}
    for person in people.values():
        for kind, source in documents(person):
            if not source.exists():
                found.append(f"{person['id']}: missing source {source.name}")
            if not pdf_path(person["id"], kind).exists():
                found.append(f"{person['id']}: missing PDF for {kind} (run python -m testkit.facts.build)")
        if not jds(person["id"]):
            found.append(f"{person['id']}: no JD")
    seen: set[str] = set()
    for raw in LINES.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        row = json.loads(raw)
        key = row.get("id", "?")
        if set(LINE_FIELDS) - set(row):
            found.append(f"{key}: missing fields {sorted(set(LINE_FIELDS) - set(row))}")
            continue
        if key in seen:
            found.append(f"{key}: duplicate id")
        seen.add(key)
        if row["label"] not in LABELS:
            found.append(f"{key}: unknown label {row['label']!r}")
        if row["person"] not in people:
            found.append(f"{key}: unknown person {row['person']!r}")
        elif people[row["person"]]["lang"] != row["lang"]:
            found.append(f"{key}: lang {row['lang']} but the person writes {people[row['person']]['lang']}")
        if not row["text"].strip() or "\n" in row["text"]:
            found.append(f"{key}: text must be one non-empty line")
    for pair in load_coverage():
        if pair["person"] not in people:
            found.append(f"coverage: unknown person {pair['person']!r}")
            continue
        if not (Path(HERE / "sources" / pair["person"] / pair["jd"])).exists():
            found.append(f"coverage {pair['person']}: missing {pair['jd']}")
        for item in pair["keywords"]:
            if item.get("status") not in STATUSES:
                found.append(f"coverage {pair['person']}: bad status for {item.get('keyword')!r}")
    return found
