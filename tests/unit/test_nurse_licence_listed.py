"""A travel nurse's sidebar lists her licences as "RN – Arizona (Compact/NLC)" under LICENSES: the nurse licence the
posting requires, not a gap ("If you hold Nurse License, add it to your resume" to a licensed RN)."""

from __future__ import annotations

from core.facts.read import read_document
from core.workbench.coverage import compute_coverage

SIDEBAR = """Brianna Whitfield
Phoenix, AZ 85016

LICENSES
RN – Arizona (Compact/NLC)
Lic. #RN284117 · exp. 06/2028

CERTIFICATIONS
BLS, AHA – exp. 08/2027

EXPERIENCE
Staff RN, Medical ICU | Desert Valley Medical Center | Jul 2017 – Jul 2019
- Charge RN two shifts a week in a 20-bed MICU
"""


def _proof(text: str) -> tuple[str, str | None]:
    coverage = compute_coverage(["nurse license"], [], read_document(text, "resume"), None, None)
    return coverage.must_have[0].status, coverage.must_have[0].proof


def test_rn_under_licences_is_the_nurse_licence_and_its_own_line_proves_it() -> None:
    assert _proof(SIDEBAR) == ("resume", "RN – Arizona (Compact/NLC)")
    assert "RN" in read_document(SIDEBAR, "resume").certifications


def test_rn_in_a_title_or_bullet_is_no_licence() -> None:
    without = SIDEBAR.replace("LICENSES\nRN – Arizona (Compact/NLC)\nLic. #RN284117 · exp. 06/2028\n\n", "")
    assert _proof(without) == ("missing", None)
    pending = SIDEBAR.replace("RN – Arizona (Compact/NLC)", "RN – Arizona (Compact/NLC) – application pending")
    assert _proof(pending)[0] == "missing"
