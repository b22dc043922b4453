"""Regenerate every PDF of the grounding corpus from its source: `python -m testkit.facts.build`.

Sources are small Markdown-like files (sources/<person>/resume.md, history.md) so a reviewer can read what the
PDFs say. A person's layout (one column, or a sidebar beside the experience column) and whether the resume is
a scan come from people.json. Output is deterministic: fixed PDF metadata, a seeded rotation and noise.

Source format: line 1 `name: ...`, optional `headline: ...`; `# Heading` starts a section (`# Heading [side]`
puts it in the sidebar of a two-column layout); `## ...` is an entry header; `- ...` a bullet; other lines are
paragraphs.
"""

from __future__ import annotations

import html
import io
import json
import random
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[2] / "tests" / "data" / "facts"  # the corpus: sources, PDFs, labels
SOURCES = HERE / "sources"
PDF_DIR = HERE / "pdf"
PEOPLE = HERE / "people.json"
FIXED_DATE = datetime(2026, 1, 1)

CSS = """
@page { size: A4; margin: 1.4cm 1.5cm }
body { font-family: 'DejaVu Sans', 'Noto Sans CJK SC'; font-size: 9.6pt; line-height: 1.35; color: #111 }
body.zh { font-family: 'Noto Sans CJK SC', 'DejaVu Sans' }
h1 { font-size: 20pt; margin: 0 0 2pt 0 }
.headline { font-size: 11pt; margin: 0 0 4pt 0; color: #333 }
.contact { margin: 0 0 8pt 0 }
h2 { font-size: 11pt; border-bottom: 1px solid #888; margin: 9pt 0 3pt 0; text-transform: none }
h3 { font-size: 9.8pt; margin: 6pt 0 1pt 0 }
p { margin: 1pt 0 }
ul { margin: 1pt 0 2pt 0; padding-left: 14pt }
li { margin: 0 0 1pt 0 }
.grid { display: grid; grid-template-columns: 30% 1fr; column-gap: 0.8cm }
.side { background: #f0f2f5; padding: 6pt }
"""


def load_people() -> list[dict[str, Any]]:
    """The people of the corpus, as people.json lists them."""
    people: list[dict[str, Any]] = json.loads(PEOPLE.read_text(encoding="utf-8"))["people"]
    return people


def _parse(source: str) -> tuple[dict[str, str], list[tuple[str, bool, list[str]]]]:
    """Header fields, and sections as (title, in sidebar, raw lines)."""
    head: dict[str, str] = {}
    sections: list[tuple[str, bool, list[str]]] = []
    for raw in source.splitlines():
        line = raw.rstrip()
        if not line:
            continue
        if line.startswith("# "):
            title = line[2:].strip()
            side = title.endswith("[side]")
            sections.append((title.removesuffix("[side]").strip(), side, []))
        elif not sections and ":" in line:
            key, _, value = line.partition(":")
            head[key.strip()] = value.strip()
        elif sections:
            sections[-1][2].append(line)
    return head, sections


def _section_html(title: str, lines: list[str]) -> str:
    parts = [f"<h2>{html.escape(title)}</h2>"]
    bullets: list[str] = []

    def flush() -> None:
        if bullets:
            parts.append("<ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    for line in lines:
        if line.startswith("- "):
            bullets.append(line[2:])
            continue
        flush()
        if line.startswith("## "):
            parts.append(f"<h3>{html.escape(line[3:])}</h3>")
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    flush()
    return "".join(parts)


def render_html(source: str, lang: str, layout: str) -> str:
    """The HTML of one document in the person's layout."""
    head, sections = _parse(source)
    top = f"<h1>{html.escape(head.get('name', ''))}</h1>"
    if head.get("headline"):
        top += f"<p class='headline'>{html.escape(head['headline'])}</p>"
    if head.get("contact"):
        top += f"<p class='contact'>{html.escape(head['contact'])}</p>"
    if layout == "two":
        side = "".join(_section_html(t, ls) for t, s, ls in sections if s)
        main = "".join(_section_html(t, ls) for t, s, ls in sections if not s)
        body = f"{top}<div class='grid'><div class='side'>{side}</div><div class='main'>{main}</div></div>"
    else:
        body = top + "".join(_section_html(t, ls) for t, _, ls in sections)
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>resume</title><style>{CSS}</style></head>"
        f"<body class='{lang}'>{body}</body></html>"
    )


def text_pdf(source: str, lang: str, layout: str) -> bytes:
    from weasyprint import HTML

    document = HTML(string=render_html(source, lang, layout)).render()
    document.metadata.created = FIXED_DATE.isoformat()
    document.metadata.modified = FIXED_DATE.isoformat()
    return bytes(document.write_pdf())


def scanned(pdf: bytes, seed: int) -> bytes:
    """An image-only PDF of each page: 150 dpi render, a slight rotation, grey noise, like a phone scan."""
    from PIL import Image

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(src), str(Path(tmp) / "page")], check=True)
        pages: list[Image.Image] = []
        for png in sorted(Path(tmp).glob("page*.png")):
            image = Image.open(png).convert("L")
            image = image.rotate(rng.uniform(0.4, 0.9), resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
            pixels = image.load()
            assert pixels is not None
            width, height = image.size
            for _ in range(width * height // 60):
                x, y = rng.randrange(width), rng.randrange(height)
                grey = pixels[x, y]
                assert isinstance(grey, int)  # mode "L": one channel
                pixels[x, y] = max(0, min(255, grey + rng.randint(-70, 40)))
            pages.append(image.convert("RGB"))
    out = io.BytesIO()
    pages[0].save(
        out,
        "PDF",
        resolution=150,
        save_all=True,
        append_images=pages[1:],
        quality=85,
        creationDate=FIXED_DATE.timetuple(),
        modDate=FIXED_DATE.timetuple(),
    )
    return out.getvalue()


def documents(person: dict[str, Any]) -> list[tuple[str, Path]]:
    """(kind, source path) of each document the person has: the resume, then the career history if any."""
    folder = SOURCES / person["id"]
    found = [("resume", folder / "resume.md")]
    if (folder / "history.md").exists():
        found.append(("detailed_resume", folder / "history.md"))
    return found


def pdf_path(person_id: str, kind: str) -> Path:
    return PDF_DIR / f"{person_id}_{'resume' if kind == 'resume' else 'history'}.pdf"


def jds(person_id: str) -> list[Path]:
    """The person's job descriptions, first one first."""
    return sorted((SOURCES / person_id).glob("jd*.txt"))


def build() -> list[Path]:
    PDF_DIR.mkdir(exist_ok=True)
    written: list[Path] = []
    for index, person in enumerate(load_people()):
        for kind, source in documents(person):
            layout = person["layout"] if kind == "resume" else "one"
            pdf = text_pdf(source.read_text(encoding="utf-8"), person["lang"], layout)
            if kind == "resume" and person.get("scanned"):
                pdf = scanned(pdf, seed=1000 + index)
            target = pdf_path(person["id"], kind)
            target.write_bytes(pdf)
            written.append(target)
    return written


if __name__ == "__main__":
    for path in build():
        print(path.relative_to(HERE), path.stat().st_size)
