"""The Profile page (Streamlit AppTest) over real use cases: cards, statuses, summary, retry, delete."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from core import ledger
from core.assets import service
from core.worker import execute
from db.session import unit_of_work
from testkit import asset_pdfs as pdfs
from tests.apptest.support import open_page


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    parts += [e.value for e in at.error] + [s.value for s in at.success] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def test_empty_profile_explains_both_documents(fake, make_user) -> None:
    at = open_page("pages/1_Profile.py", make_user(coins=5), alone=True, timeout=120)  # generous: the machine is shared
    assert not at.exception
    text = _texts(at)
    assert "General resume · Required" in text and "Every service" in text
    assert "Detailed career history · Optional" in text and "Checkout service, 2022–2023" in text
    assert text.count("Nothing uploaded yet.") == 2


def test_ready_and_failed_cards_show_summary_and_retry_charges_again(fake, make_user) -> None:
    fake.responder = lambda req: json.dumps({"headline": "Senior Data Engineer"})
    user = make_user(coins=5)
    ready = service.upload_asset(user, "resume", "cv.pdf", pdfs.text_pdf(), "k1")
    failed = service.upload_asset(user, "detailed_resume", "scan.pdf", pdfs.noise_pdf(), "k2")
    execute(ready.data["job_id"])  # the engine, in this process, instead of a consumer
    execute(failed.data["job_id"])

    at = open_page("pages/1_Profile.py", user, alone=True, timeout=120)
    assert not at.exception
    assert [s.value for s in at.success] == ["Status: **Ready**"]
    assert "No text could be read from this PDF" in at.error[0].value
    assert "Senior Data Engineer" in _texts(at)
    # What code read from the document is on the page: its facts and its text.
    [reading] = [e for e in at.expander if e.label == "What the assistant read from this document"]
    read_text = "\n".join(str(t.value) for t in reading.text)
    assert "Acme Analytics" in read_text and "Python" in read_text

    retry = next(b for b in at.button if b.label == "Try again")
    retry.click().run()
    assert not at.exception
    with unit_of_work() as s:
        assert ledger.balance(s, user) == 5 - 2 + 1 - 1  # two uploads, one refund, one retry
    assert [v.status for v in service.list_assets(user) if v.kind == "detailed_resume"] == ["queued"]
    assert "Status: **Queued**" in [i.value for i in at.info]


def test_delete_asks_first_then_removes_the_asset(fake, make_user) -> None:
    user = make_user(coins=5)
    service.upload_asset(user, "resume", "cv.pdf", pdfs.text_pdf(), "k1")
    at = open_page("pages/1_Profile.py", user, alone=True, timeout=120)
    next(b for b in at.button if b.label == "Delete").click().run()
    assert "Delete this document and its summary now?" in at.warning[0].value
    assert len(service.list_assets(user)) == 1
    next(b for b in at.button if b.label == "Yes, delete").click().run()
    assert not at.exception
    assert service.list_assets(user) == []
    with unit_of_work() as s:
        assert ledger.balance(s, user) == 5  # the pending job was cancelled and refunded


def test_the_page_says_a_summary_was_refused_only_when_a_model_summary_was(fake, make_user) -> None:
    from db.models import Asset

    fake.responder = lambda req: json.dumps({"headline": "Senior Data Engineer"})
    user = make_user(coins=5)
    ready = service.upload_asset(user, "resume", "cv.pdf", pdfs.text_pdf(), "k1")
    execute(ready.data["job_id"])
    refused = "The AI's summary was not used"
    for source, shown in (("offline", False), ("model", False), ("document", True)):
        with unit_of_work() as s:
            asset = s.get(Asset, ready.data["asset_id"])
            assert asset is not None
            asset.summary_source = source
        at = open_page("pages/1_Profile.py", user, alone=True, timeout=120)
        assert not at.exception
        assert (refused in _texts(at)) is shown, source
