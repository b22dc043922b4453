"""Scanned resumes: `python -m bench.scans [--sizes 20,24,30] [--upside-down]` prints `name: value unit` lines.

Every corpus resume (tests/data/facts/sources, twelve people, en and zh) is printed one-column onto A4 page
images at 150 dpi (text at each size given), made into an image-only PDF and read the way an upload is read
(`core.assets.pdf.extract_text`, OCR in a child process), then by the document model. Printed:
- lines lost (no line read within 85% of the printed one) and misread (read, but not character for character);
- words read as printed (a printed word, punctuation aside, found as a word of the text read: a glued or
  wrongly split word counts as not read);
- dated roles kept (start date with employer or title, as `tests/unit/test_facts_read.py` checks text PDFs);
- skills kept, against the same model read from the printed lines as text;
- documents whose text does not begin with the printed first line (the name): read from the wrong end;
- seconds of OCR per page.
`--upside-down` also feeds every page turned round, as a scanner fed the wrong way up.
`--two-column` reads instead the six resumes with side sections printed as a two-column template prints them
(side sections in a narrow left column, the name larger atop the main one), each page a phone's JPEG: dated
roles kept, names kept, skills kept.
"""

from __future__ import annotations

import argparse
import io
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.harness import emit
from core.assets.pdf import extract_text
from core.facts.dates import find_ranges
from core.facts.model import DocumentModel
from core.facts.read import read_document
from testkit.asset_pdfs import image_pdf, jpeg, printed_lines, scanned_pages, two_column_page
from testkit.facts.build import SOURCES
from testkit.ocr_compare import READ_SIMILARITY, best_reading, line_key

CJK_WIDTH = 40  # characters per printed line in Chinese; Latin lines are wrapped to the width of the page


@dataclass
class Tally:
    lines: int = 0
    words: int = 0
    words_read: int = 0
    lost: int = 0
    misread: int = 0
    roles: int = 0
    roles_kept: int = 0
    skills: int = 0
    skills_kept: int = 0
    pages: int = 0
    documents: int = 0
    out_of_order: int = 0
    seconds: float = 0.0


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text).casefold().split()


def _roles_kept(source: str, model: DocumentModel) -> tuple[int, int]:
    """Dated entry headers of the source found again: an entry with their start date and employer or title."""
    total = kept = 0
    for header in (line[3:] for line in source.splitlines() if line.startswith("## ")):
        ranges = find_ranges(header)
        if not ranges:
            continue
        total += 1
        flat = header.replace(" ", "")
        entry = next((e for e in model.entries if e.start == ranges[0].start.value), None)
        named = entry is not None and any(part and part.replace(" ", "") in flat for part in (entry.org, entry.title))
        kept += named
    return total, kept


def _one(tally: Tally, person: str, size: int, upside_down: bool) -> None:
    source = (SOURCES / person / "resume.md").read_text(encoding="utf-8")
    cjk = person.startswith("zh")
    printed = printed_lines(source, CJK_WIDTH if cjk else int(78 * 24 / size))
    pages = scanned_pages(printed, size=size, cjk=cjk, upside_down=upside_down)
    started = time.perf_counter()
    extraction = extract_text(image_pdf(pages))
    tally.seconds += time.perf_counter() - started
    tally.pages += len(pages)
    read = extraction.text.splitlines()
    every = "".join(line_key(line) for line in read)
    words_read = set(_words(extraction.text))
    for word in _words("\n".join(printed)):
        tally.words += 1
        tally.words_read += word in words_read
    for line in printed:
        if not line_key(line):
            continue
        tally.lines += 1
        if line_key(line) in every:
            continue
        best = best_reading(line, read)
        tally.misread += best >= READ_SIMILARITY
        tally.lost += best < READ_SIMILARITY
    tally.documents += 1
    tally.out_of_order += not read or line_key(read[0])[:6] != line_key(printed[0])[:6]
    model = read_document(extraction.text, "resume")
    total, kept = _roles_kept(source, model)
    tally.roles += total
    tally.roles_kept += kept
    as_text = set(read_document("\n".join(printed), "resume").skills)
    tally.skills += len(as_text)
    tally.skills_kept += len(as_text & set(model.skills))


def _two_column(tally: Tally, person: str) -> None:
    from PIL import Image

    source = (SOURCES / person / "resume.md").read_text(encoding="utf-8")
    page = Image.open(io.BytesIO(jpeg(two_column_page(source, cjk=person.startswith("zh")))))
    started = time.perf_counter()
    text = extract_text(image_pdf([page])).text
    tally.seconds += time.perf_counter() - started
    tally.pages += 1
    model = read_document(text, "resume")
    total, kept = _roles_kept(source, model)
    tally.roles += total
    tally.roles_kept += kept
    tally.documents += 1
    name = next(line[5:].strip() for line in source.splitlines() if line.startswith("name:"))
    tally.out_of_order += model.contact.name != name  # here: the name not read as the person's
    as_text = set(read_document("\n".join(printed_lines(source)), "resume").skills)
    tally.skills += len(as_text)
    tally.skills_kept += len(as_text & set(model.skills))


def run_two_column(report: Callable[[str, float | int | str, str], None]) -> None:
    tally = Tally()
    for person in sorted(p.name for p in SOURCES.iterdir() if "[side]" in (p / "resume.md").read_text("utf-8")):
        _two_column(tally, person)
    report("scans_two_column_roles_kept", f"{tally.roles_kept}/{tally.roles}", "roles")
    report("scans_two_column_names_lost", f"{tally.out_of_order}/{tally.documents}", "documents")
    report("scans_two_column_skills_kept", f"{tally.skills_kept}/{tally.skills}", "skills")
    report("scans_two_column_ocr_per_page", round(tally.seconds / max(1, tally.pages), 2), "s")


def run(report: Callable[[str, float | int | str, str], None], sizes: list[int], upside_down: bool) -> None:
    people = sorted(p.name for p in SOURCES.iterdir() if (p / "resume.md").exists())
    for turned in [False, True] if upside_down else [False]:
        tally = Tally()
        for person in people:
            for size in sizes:
                _one(tally, person, size, turned)
        way = "upside_down" if turned else "upright"
        report(f"scans_{way}_lines", tally.lines, "count")
        report(f"scans_{way}_lines_lost", tally.lost, "count")
        report(f"scans_{way}_lines_misread", tally.misread, "count")
        report(f"scans_{way}_words_read_as_printed", round(tally.words_read / max(1, tally.words), 3), "ratio")
        report(f"scans_{way}_roles_kept", f"{tally.roles_kept}/{tally.roles}", "roles")
        report(f"scans_{way}_skills_kept", f"{tally.skills_kept}/{tally.skills}", "skills")
        report(f"scans_{way}_read_from_the_wrong_end", f"{tally.out_of_order}/{tally.documents}", "documents")
        report(f"scans_{way}_ocr_per_page", round(tally.seconds / max(1, tally.pages), 2), "s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="24", help="text sizes in pixels at 150 dpi, comma-separated")
    parser.add_argument("--upside-down", action="store_true", help="also read every page turned round")
    parser.add_argument("--two-column", action="store_true", help="only the two-column pages")
    args = parser.parse_args()
    if args.two_column:
        run_two_column(emit)
        return
    run(emit, [int(size) for size in args.sizes.split(",")], args.upside_down)


if __name__ == "__main__":
    main()
