"""The grounding evaluation corpus has the shape issue 17 asks for, so the bench's figures mean something."""

from __future__ import annotations

import io
from collections import Counter

from pypdf import PdfReader

from testkit.facts.build import documents, jds, load_people, pdf_path, text_pdf
from testkit.facts.corpus import INVENTED_KINDS, load_coverage, load_lines, problems


def _reader(person_id: str, kind: str = "resume") -> PdfReader:
    return PdfReader(io.BytesIO(pdf_path(person_id, kind).read_bytes()))


def test_corpus_is_well_formed() -> None:
    assert problems() == []


def test_resumes_cover_both_languages_and_both_layouts() -> None:
    people = load_people()
    assert len(people) >= 10
    for lang in ("en", "zh"):
        layouts = Counter(p["layout"] for p in people if p["lang"] == lang)
        assert layouts["one"] >= 3 and layouts["two"] >= 3, (lang, layouts)
    assert sum(1 for p in people if len(documents(p)) == 2) >= 4  # people with a detailed career history
    assert all(jds(p["id"]) for p in people)


def test_text_pdfs_have_a_text_layer_and_the_scan_has_none() -> None:
    scanned = [p for p in load_people() if p.get("scanned")]
    assert len(scanned) == 1
    for person in load_people():
        reader = _reader(person["id"])
        text = "".join(page.extract_text() or "" for page in reader.pages)
        if person.get("scanned"):
            assert text.strip() == ""
            assert all(len(page.images) == 1 for page in reader.pages)
        else:
            assert person["name"] in text.replace(" ", "") or person["name"] in text, person["id"]


def test_a_two_column_resume_really_sets_its_sidebar_beside_the_experience() -> None:
    from pypdf import PageObject

    page: PageObject = _reader("en04").pages[0]
    xs: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        for word in ("Berlin, Germany", "Zalando SE"):
            if word in text and word not in xs:
                xs[word] = tm[4]

    page.extract_text(visitor_text=visit)
    assert xs["Zalando SE"] - xs["Berlin, Germany"] > 100  # the contact sidebar is left of the experience column


def test_lines_are_half_faithful_and_every_kind_is_represented_in_both_languages() -> None:
    lines = load_lines()
    assert len(lines) >= 420
    labels = Counter(line.label for line in lines)
    invented = len(lines) - labels["faithful"]
    assert labels["faithful"] >= 210 and invented >= 210
    assert abs(labels["faithful"] - invented) <= len(lines) // 20
    by_lang = Counter((line.label, line.lang) for line in lines)
    for kind in INVENTED_KINDS:
        assert labels[kind] >= 14, kind
        assert by_lang[(kind, "en")] >= 5 and by_lang[(kind, "zh")] >= 5, kind
    assert all(line.note.strip() for line in lines if line.label != "faithful")  # what was changed
    people = {p["id"] for p in load_people()}
    assert {line.person for line in lines} == people
    assert len({line.id for line in lines}) == len(lines)


def test_coverage_pairs_are_labelled_with_all_three_statuses() -> None:
    pairs = load_coverage()
    assert len(pairs) >= 10
    assert all(10 <= len(pair["keywords"]) <= 20 for pair in pairs)
    statuses = Counter(item["status"] for pair in pairs for item in pair["keywords"])
    assert statuses["resume"] and statuses["detailed"] and statuses["missing"]
    assert any(pair["person"].startswith("zh") for pair in pairs)


def test_the_generator_reproduces_a_committed_pdf_byte_for_byte() -> None:
    person = next(p for p in load_people() if p["id"] == "zh03")
    _kind, source = documents(person)[0]
    rebuilt = text_pdf(source.read_text(encoding="utf-8"), person["lang"], person["layout"])
    assert rebuilt == pdf_path("zh03", "resume").read_bytes()
