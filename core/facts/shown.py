"""What a document shows of the person: its lines less the jobs they want and the courses they are still taking.

"…Looking to grow into an Inventory Control Analyst role" + "using SAP EWM." names SAP as wanted, and "Relativity
Certified User (RCU) — in progress" names Relativity as being learnt: neither line shows the tool used. Coverage
looks for proof in these lines, and grounding lets an output name a skill only where they name it (or the document
model holds it).
"""

from __future__ import annotations

from collections.abc import Sequence

from core.facts.cert_status import not_yet_spans
from core.facts.model import DocumentModel
from core.facts.wishes import without_wishes


def shown_lines(doc: DocumentModel) -> list[str]:
    """The document's lines with its objective, its wishes (read over the whole text: a wish may wrap) and the parts
    naming a course or certificate still under way blanked; same count and lengths, so indexes and offsets hold."""
    objective = doc.wish_lines()
    lines = without_wishes("\n".join(doc.lines)).split("\n")
    return [" " * len(line) if i in objective else blank(line, not_yet_spans(line)) for i, line in enumerate(lines)]


def blank(line: str, spans: Sequence[tuple[int, int]]) -> str:
    """The line with these parts blanked (same length)."""
    for start, end in spans:
        line = line[:start] + " " * (end - start) + line[end:]
    return line
