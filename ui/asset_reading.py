"""Profile: what the assistant read from a document — its facts and its text — so a person can check them.

UI only: core.assets.service.get_reading gives the text and the document model computed by code.
"""

from __future__ import annotations

import uuid

import streamlit as st

from core.assets import service
from core.facts.model import DocumentModel, Entry
from core.facts.vocabulary import get_vocabulary
from ui.i18n import current_lang, t

MAX_TEXT_CHARS = 20_000


def _span(entry: Entry) -> str:
    return " – ".join(v for v in (entry.start, entry.end) if v).replace("present", t("assets.reading.present"))


def _entry_line(entry: Entry) -> str:
    head = " · ".join(x for x in (entry.org, entry.title, entry.field) if x)
    extra = " · ".join(x for x in (_span(entry), entry.location, f"GPA {entry.gpa}" if entry.gpa else "") if x)
    return f"{head} ({extra})" if extra else head


def _skill_names(model: DocumentModel, lang: str) -> list[str]:
    """Skills as the document names them: the user wrote "Kubernetes", not the category "容器编排"."""
    vocab = get_vocabulary()
    lines = model.lines
    return [vocab.written_label(s, lines[i] if 0 <= i < len(lines) else "", lang) for s, i in model.skills.items()]


def _facts(model: DocumentModel) -> None:
    lang = current_lang()
    vocab = get_vocabulary()
    contact = model.contact
    rows: list[tuple[str, list[str]]] = [
        (
            "assets.reading.contact",
            [" · ".join(x for x in (contact.name, contact.email, contact.phone, contact.location) if x)],
        ),
        ("assets.reading.experience", [_entry_line(e) for e in model.experience]),
        ("assets.reading.education", [_entry_line(e) for e in model.education]),
        ("assets.reading.projects", [_entry_line(e) for e in model.projects]),
        ("assets.reading.skills", [", ".join(_skill_names(model, lang))] if model.skills else []),
        ("assets.reading.certifications", list(model.certifications)),
        (
            "assets.reading.languages",
            [", ".join(vocab.label(x, lang) for x in model.languages)] if model.languages else [],
        ),
    ]
    for key, items in rows:
        items = [i for i in items if i.strip()]
        st.markdown(f"**{t(key)}**")
        if items:
            st.text("\n".join(f"• {item}" for item in items))
        else:
            st.caption(t("assets.reading.none"))


def render_reading(user_id: uuid.UUID, asset_id: uuid.UUID) -> None:
    """An expander with the document's facts and text (nothing while the document is still being read)."""
    reading = service.get_reading(user_id, asset_id)
    if reading is None or not reading.text.strip():
        return  # not read yet, or nothing readable (the card already says so)
    if reading.summary_source == "document":
        st.info(t("assets.reading.document_view"), icon=":material/fact_check:")
    with st.expander(t("assets.reading.title"), icon=":material/plagiarism:"):
        st.caption(t("assets.reading.intro"))
        facts_tab, text_tab = st.tabs([t("assets.reading.facts_tab"), t("assets.reading.text_tab")])
        with facts_tab:
            _facts(reading.model)
        with text_tab:
            st.text(reading.text[:MAX_TEXT_CHARS])
