"""What a pasted posting asks and what the user's documents show of it, read by code as soon as it is pasted.

The Workbench shows it under the JD box before anything is bought: the role, the must-haves and nice-to-haves,
each found in the resume, only in the career history, or missing. A new graduate sees what the posting wants
and where they stand before spending a coin; a text that is not a posting says so before it is paid for.

The read is also work Match would do at the click. Reading the posting and computing its coverage were most
of Match's CPU before its request (~7 ms of the ~21 ms a "Match and tailor" service costs the consumers, in a
burst of twenty users on two cores). So the web process keeps the last few reads (by user and text) and the
click stores them with the service (`prepared_for`, core.workbench.services): Match starts from the stored
read, and from the coverage when it was computed from the very documents the service reads (their asset ids
go along; a resume re-uploaded between the paste and the click makes Match compute its own). Nothing here
is charged or written; a text the click would refuse (too short, too long) gets no preview.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import offline as engine
from core.assets import crypto
from core.assets.service import usable_asset_query
from core.facts.model import DocumentModel
from core.workbench.coverage import compute_coverage
from core.workbench.jd_text import clean_pasted_jd, jd_length_ok
from core.workbench.offline import document_model, jd_from_json, jd_json
from core.workbench.schemas import Coverage
from db.models import Asset
from db.session import committed_reads

CACHE_SIZE = 256  # reads kept in a web process: a few per user in session at once, ~20 KB each
# Read at paste only up to this length. A posting is 2-8 k characters; the click takes up to 30 k, and the
# longest reads of that (a 30 k single line: ~0.3-0.6 s) would hold the web process's interpreter, which every
# user's page shares. Longer texts are read by Match in a consumer, as without a preview.
PREVIEW_MAX_CHARS = 12_000


@dataclass(frozen=True)
class PostingPreview:
    """What the page shows under the JD box."""

    looks_like_jd: bool
    title: str
    company: str
    location: str
    years_required: int | None
    degree_required: str
    coverage: Coverage | None  # None until the user has a ready resume
    too_long: bool = False  # over PREVIEW_MAX_CHARS: nothing read here (Match reads it)


@dataclass(frozen=True)
class PreparedRead:
    """The posting's read by code and its coverage: what the page shows, and what the click stores for Match."""

    jd_json: str  # core.workbench.offline.jd_json (kept to serve a new coverage when the documents change)
    resume_id: uuid.UUID | None  # the documents the coverage was computed from
    detailed_id: uuid.UUID | None
    stored: bytes  # what the click stores as the service's jd_model_enc (`_stored_form`, encrypted here: not in
    # the click, the web process's hottest path)
    preview: PostingPreview  # built once: every rerun of the page shows it again


_reads: OrderedDict[tuple[uuid.UUID, str], PreparedRead] = OrderedDict()
_lock = threading.Lock()


def preview_posting(user_id: uuid.UUID, pasted: str) -> PostingPreview | None:
    """The posting's read and the user's coverage of it; None for a text the click would refuse."""
    text = clean_pasted_jd(pasted)
    if not jd_length_ok(text):
        return None
    if len(text) > PREVIEW_MAX_CHARS:
        return PostingPreview(True, "", "", "", None, "", None, too_long=True)
    return _prepare(user_id, text).preview


def prepared_for(user_id: uuid.UUID, text: str) -> PreparedRead | None:
    """The read a preview of this (cleaned) text left in this process, if any; never computes."""
    with _lock:
        found = _reads.get((user_id, text))
        if found is not None:
            _reads.move_to_end((user_id, text))
        return found


def _stored_form(
    read: str, coverage_json: str | None, resume_id: uuid.UUID | None, detailed_id: uuid.UUID | None
) -> bytes:
    """What a service stores as its JD's read (services.jd_model_enc), encrypted: the read core.workbench.offline
    reads back, and the coverage with the documents it was computed from beside it."""
    data = json.loads(read)
    if coverage_json is not None:
        data["coverage"] = coverage_json
        data["coverage_for"] = [str(resume_id), str(detailed_id) if detailed_id else None]
    return crypto.encrypt_text(json.dumps(data, ensure_ascii=False))


def _prepare(user_id: uuid.UUID, text: str) -> PreparedRead:
    """The cached read when it was computed from the documents a service would read now, else computed here."""
    with committed_reads() as session:
        resume_id, detailed_id = session.execute(
            select(usable_asset_query(user_id, "resume"), usable_asset_query(user_id, "detailed_resume"))
        ).one()
        found = prepared_for(user_id, text)
        if found is not None and (found.resume_id, found.detailed_id) == (resume_id, detailed_id):
            return found
        read = found.jd_json if found is not None else jd_json(text)  # the posting's read needs no documents
        jd, job = jd_from_json(read)
        resume, detailed = _document(session, resume_id), _document(session, detailed_id)
    coverage = None
    if resume is not None:
        summary = engine.extract_job(jd, job)  # the keywords Match reads while the model's extraction runs
        coverage = compute_coverage(summary.must_have, summary.nice_to_have, resume, detailed, jd)
    stored = _stored_form(read, coverage.model_dump_json() if coverage else None, resume_id, detailed_id)
    preview = PostingPreview(
        looks_like_jd=job.looks_like_jd,
        title=job.title,
        company=job.company,
        location=job.location,
        years_required=job.years_required,
        degree_required=job.degree_required,
        coverage=coverage,
    )
    prepared = PreparedRead(read, resume_id, detailed_id, stored, preview)
    with _lock:
        _reads[(user_id, text)] = prepared
        _reads.move_to_end((user_id, text))
        while len(_reads) > CACHE_SIZE:
            _reads.popitem(last=False)
    return prepared


def _document(session: Session, asset_id: uuid.UUID | None) -> DocumentModel | None:
    """One of the documents a new service would read (its stored model, else read from its text or file)."""
    if asset_id is None:
        return None
    columns = (Asset.kind, Asset.model_enc, Asset.text_enc)
    row = session.execute(select(*columns).where(Asset.id == asset_id)).first()
    if row is None:  # deleted since its id was read
        return None
    kind, model_enc, text_enc = row
    file_of = lambda: session.scalar(select(Asset.file_enc).where(Asset.id == asset_id))  # noqa: E731
    return document_model(kind, model_enc, text_enc, file_of)
