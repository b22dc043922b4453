"""Job handlers of the workbench: job extraction, Match, Customize, Interview.

Each `run` reads what it needs in a short transaction, calls the model (streamed to the job's Redis
stream, under the model's concurrency cap) and returns plain JSON; `store` writes it in the transaction
that marks the job succeeded. A pasted JD's Match is queued beside its extraction and holds the service's
debit from the click (services._parallel_jobs): it reads the JD's keywords by code while the model's extraction
refines the stored summary. A screenshot's extraction (OCR first) creates Match and hands its debit on to it.
Either way the service price is refunded if Match finally fails.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from core import jobs, ocr
from core import offline as engine
from core.assets import crypto
from core.errors import NotFound, UserError
from core.facts.grounding import check as ground
from core.facts.grounding import evidence_for, report_json
from core.facts.model import DocumentModel, JobFacts
from core.facts.outputs import check_interview, check_match, check_tailored, correct_job
from core.facts.work_authorization import sponsorship_conflict
from core.offline.documents import ServiceDocuments
from core.offline.match import sponsorship_gap
from core.workbench import match_first, offline, prompts
from core.workbench.context import latest_match, latest_version, retrieve
from core.workbench.coverage import compute_coverage, projected_score
from core.workbench.editor import add_version
from core.workbench.language import detect_lang
from core.workbench.schemas import (
    Coverage,
    CustomizeReply,
    InterviewReply,
    JobSummary,
    MatchReply,
    MatchResultData,
)
from core.workbench.services import PARALLEL
from core.workbench.situation import knowledge_query, read_situation
from core.worker import BaseHandler, FollowUp, JobContext
from db.models import InterviewResult, Job, MatchResult, ResumeVersion, Service
from db.session import committed_reads

STATUS_READING = "status.reading_screenshot"
STATUS_EXTRACTING = "status.extracting_job"


def service_title(summary: JobSummary) -> str:
    """'company · role' as the history shows it (either part may be missing)."""
    return " · ".join(p.strip() for p in (summary.company, summary.title) if p.strip())[:300]


def _documents(docs: ServiceDocuments) -> list[DocumentModel]:
    """The candidate's documents a reply may draw facts from (never the JD: a JD skill is not the user's)."""
    return [d for d in (docs.resume, docs.detailed) if d is not None]


def _sponsorship(docs: ServiceDocuments) -> dict[str, dict[str, str]]:
    """The visa-sponsorship conflict code read from both documents, for the model's coverage block ({} if none)."""
    detailed = docs.detailed.text if docs.detailed else ""
    conflict = sponsorship_conflict(docs.resume.text, detailed, docs.jd.text)
    return {"visa_sponsorship_conflict": conflict} if conflict else {}


# A gap that speaks of the conflict in either language: "visa", "sponsor(ship)", "work authorization", 签证, 担保.
_SPEAKS_OF_SPONSORSHIP = re.compile(r"visa|sponsor|work[ -]authori[sz]|签证|担保|工作许可", re.IGNORECASE)


def _with_sponsorship_gap(reply: MatchReply, docs: ServiceDocuments, lang: str) -> MatchReply:
    """A model's Match that leaves out the conflict code read from both documents gets it as its first gap.

    The model is handed the conflict (`_sponsorship`) but may still list only skills; a user who needs a visa the
    posting rules out must not learn it from the recruiter."""
    code_gaps = sponsorship_gap(docs.resume, docs.detailed, docs.jd, lang)
    if not code_gaps or any(_SPEAKS_OF_SPONSORSHIP.search(f"{g.gap} {g.action}") for g in reply.gaps):
        return reply
    return reply.model_copy(update={"gaps": [*code_gaps, *reply.gaps]})


def _service_id(ctx: JobContext) -> uuid.UUID:
    if ctx.service_id is None:
        raise NotFound("service")
    return ctx.service_id


SUMMARY_KEY = "_job_summary"  # a Match result's code-read summary, for a service the extraction has not refined yet


def _summary(stored: dict[str, Any], docs: ServiceDocuments) -> JobSummary:
    """The stored (model-refined) job summary, or, while extraction still runs, the JD's own read by code.

    read_job's keywords are what correct_job would add to the model's anyway, so Match need not wait for it.
    """
    if stored:
        return JobSummary.model_validate(stored)
    return engine.extract_job(docs.jd, docs.job)


def _coverage(job: JobSummary, docs: ServiceDocuments) -> Coverage:
    return compute_coverage(job.must_have, job.nice_to_have, docs.resume, docs.detailed, docs.jd)


def _handed_coverage(handed: str | None) -> Coverage | None:
    """A coverage computed elsewhere from the same documents: by the Match beside a Customize
    (core.workbench.match_first), or by the page's preview of the posting (core.workbench.preview)."""
    if handed is None:
        return None
    try:
        return Coverage.model_validate_json(handed)
    except ValidationError:
        return None


def _jd_read(ctx: JobContext, text: str, stored: bytes | None) -> tuple[DocumentModel, JobFacts]:
    """The JD read by code: the read stored with the service at the click (the page's preview), or the one a
    Match beside this extraction handed over (it sends long before this reply ends, often from another consumer
    process), else read here."""
    if (read := offline.stored_jd(stored)) is not None:
        return read
    if ctx.params.get(PARALLEL):
        handed = offline.handed_jd(match_first.handed(_service_id(ctx)).jd)
        if handed is not None:
            return handed
    return offline.jd_models(text)


class JobExtractionHandler(BaseHandler):
    kind = "extract"
    is_stream = True  # status events only: the page shows progress
    # Light before heavy in a burst's CPU turns: the extraction's work before its request is a few milliseconds
    # (its service row; the JD is read by code while the reply is awaited), so it goes before the Matches and
    # tailorings claimed up to 2 s after it (see MatchHandler.turn_head_start_s).
    turn_head_start_s = 2.0

    def run(self, ctx: JobContext) -> Any:
        with committed_reads() as session:  # one round trip: no BEGIN, no COMMIT
            service = session.get(Service, _service_id(ctx))
            if service is None:
                raise NotFound("service")
            source, text, image = service.jd_source, service.jd_text or "", service.jd_image
            stored = service.jd_model_enc
        ocr_text: str | None = None
        if source == "image" and not text.strip():  # read at creation; a service started before that is read here
            ctx.stream.status(STATUS_READING)
            ocr_text = ocr.read_image(image or b"")
            if not ocr_text.strip():
                raise UserError("workbench.error.screenshot_unreadable")
            text = ocr_text
        ctx.keeper.check()
        ctx.stream.status(STATUS_EXTRACTING)
        if ctx.offline:
            summary = ctx.offline_reply(lambda: offline.extract_job(text), stream=False)
            jd_doc, job_facts = offline.jd_models(text)  # extract_job's own read, cached
        else:  # the request goes out first: reading the JD by code is CPU the upstream's reply need not wait for
            summary = ctx.structured(JobSummary, prompts.extract_messages(text, JobSummary), stream=False)
            jd_doc, job_facts = _jd_read(ctx, text, stored)
            summary = correct_job(summary, jd_doc, job_facts)  # keywords the JD lacks dropped, its own added
        models = {"document": jd_doc.to_json(), "job": job_facts.to_json()}
        return {"summary": summary.model_dump(), "ocr_text": ocr_text, "models": models}

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]:
        service = session.get(Service, job.service_id)
        assert service is not None
        summary = JobSummary.model_validate(result["summary"])
        service.job_summary_json = summary.model_dump()
        service.title = service_title(summary)
        if result.get("ocr_text"):
            service.jd_text = result["ocr_text"]
        if result.get("models"):
            service.jd_model_enc = crypto.encrypt_text(json.dumps(result["models"], ensure_ascii=False))
        if service.output_lang is None:  # the JD's language, counted from its text (not the model's guess)
            service.output_lang = detect_lang(service.jd_text or "")
        if (job.params or {}).get(PARALLEL):  # Match was queued beside this job and holds the debit
            return []
        match = jobs.create_job(
            session,
            jobs.NewJob(
                user_id=job.user_id,
                kind="match",
                price=0,
                memo="match",
                service_id=service.id,
                queue=job.queue,
                params={k: v for k, v in (job.params or {}).items() if k == "engine"},  # an offline fall-back goes on
            ),
        )
        jobs.transfer_debit(session, job.id, match.id)
        return [FollowUp(job_id=str(match.id), queue=match.queue)]


class MatchHandler(BaseHandler):
    kind = "match"
    is_stream = True
    # Match's first words are what a user watches after the click: in a burst its preparation (coverage, the
    # heaviest of the three steps') goes before the jobs claimed up to this long before it, about the span of a
    # 20-service burst's preparations on two cores. The two light steps stand earlier still: the extraction, and
    # a Customize once its Match has sent (it waits for that outside the turns), so each is out a few ms of CPU
    # after it may start instead of behind every Match of the burst. Measured on bench.workbench_paths (20
    # services, seven interleaved pairs): overhead per step p50 698-1069 -> 467-705 ms, the extraction's own
    # 723-1107 -> 331-511 ms; the first Match token within the same spread (means +0.64 -> +0.68 s over the
    # provider, target +1.0). The extraction first alone, Customize behind every Match, was no better for either.
    turn_head_start_s = 1.0

    def run(self, ctx: JobContext) -> Any:
        with committed_reads() as session:
            facts = offline.load_step(session, _service_id(ctx))
        docs = facts.docs
        job = _summary(facts.job_summary, docs)
        # Read at paste from these documents and the keywords read by code (the preview under the JD box), as
        # here until the model's extraction is stored
        prepared = None if facts.job_summary else _handed_coverage(facts.prepared_coverage)
        coverage = prepared or compute_coverage(job.must_have, job.nice_to_have, docs.resume, docs.detailed, docs.jd)
        situation = read_situation(docs.resume, docs.detailed, docs.job, coverage)
        found = retrieve("match", knowledge_query("match", situation, facts.output_lang), facts.output_lang)
        ctx.figures["retrieved"] = found.record
        # The coverage, computed by code, goes to the page at once; in the same round trip a Customize beside
        # this Match may start, from this coverage and JD read.
        coverage_json = coverage.model_dump_json()
        sent = match_first.sent_commands(facts.service_id, coverage_json, facts.jd_read)
        ctx.stream.part("coverage", coverage_json, also=sent)
        if ctx.offline:
            service_id = _service_id(ctx)
            reply = ctx.offline_reply(lambda: engine.match(offline.load(service_id), found.passages))
            data = MatchResultData(**reply.model_dump(), coverage=coverage, engine=ctx.spec.engine_label).model_dump()
            return {**data, SUMMARY_KEY: job.model_dump()} if not facts.job_summary else data
        messages = prompts.match_messages(
            facts.output_lang,
            MatchReply,
            job=job.model_dump(),
            resume=docs.resume.text,
            detailed=docs.detailed.text if docs.detailed else None,
            coverage=coverage.model_dump() | _sponsorship(docs),
            knowledge=found.prompt,
        )
        documents = _documents(docs)
        reply = ctx.structured(MatchReply, messages, meanwhile=lambda: evidence_for(documents))
        check_match(reply, documents)  # strengths and pitch naming what the documents lack: a failed attempt
        reply = _with_sponsorship_gap(reply, docs, facts.output_lang)
        data = MatchResultData(**reply.model_dump(), coverage=coverage, engine=ctx.spec.engine_label).model_dump()
        return {**data, SUMMARY_KEY: job.model_dump()} if not facts.job_summary else data

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]:
        assert job.service_id is not None
        summary = result.pop(SUMMARY_KEY, None)
        service = session.get(Service, job.service_id, with_for_update=True, populate_existing=True)
        assert service is not None  # locked: a Customize storing beside this one sees this Match, or is seen here
        if summary is not None and not service.job_summary_json:  # the model's extraction, stored first, wins
            model = JobSummary.model_validate(summary)
            service.job_summary_json = model.model_dump()
            service.title = service.title or service_title(model)
        session.add(MatchResult(service_id=job.service_id, job_id=job.id, result_json=result))
        match = MatchResultData.model_validate(result)
        for version in session.scalars(  # "Match and tailor": a tailored resume stored first gets its projection
            select(ResumeVersion).where(ResumeVersion.service_id == service.id, ResumeVersion.projected_score.is_(None))
        ):
            if version.job_id is not None:
                version.projected_score = projected_score(match.overall_score, match.coverage, version.markdown)
        return []


class CustomizeHandler(BaseHandler):
    kind = "customize"
    is_stream = True
    # Goes right after its own Match has sent, ahead of the burst's later Matches (see MatchHandler).
    turn_head_start_s = 1.5

    def run(self, ctx: JobContext) -> Any:
        handed = match_first.Handover()
        if ctx.params.get(PARALLEL):  # "Match and tailor": the Match beside this job reaches the provider first
            handed = match_first.wait_for_match(_service_id(ctx), ctx.keeper.check)
        with committed_reads() as session:
            facts = offline.load_step(session, _service_id(ctx), ctx.params.get("lang"), handed.jd)
        docs, lang = facts.docs, facts.docs.lang
        documents = _documents(docs)
        job = _summary(facts.job_summary, docs)
        # "Match and tailor": Customize runs beside Match, from the coverage computed by code; the score it
        # moves is projected when the result is stored, once Match's is known.
        match = MatchResultData.model_validate(facts.match_json) if facts.match_json is not None else None
        coverage = match.coverage if match is not None else _handed_coverage(handed.coverage) or _coverage(job, docs)
        situation = read_situation(docs.resume, docs.detailed, docs.job, coverage)
        found = retrieve("customize", knowledge_query("customize", situation, lang), lang)
        ctx.figures["retrieved"] = found.record
        match_for_prompt = (
            match.model_dump(exclude={"self_pitch"}) if match is not None else {"coverage": coverage.model_dump()}
        )
        if ctx.offline:
            basis = match or MatchResultData(**engine.match(docs, []).model_dump(), coverage=coverage)
            reply = ctx.offline_reply(lambda: engine.customize(docs, basis))
        else:
            messages = prompts.customize_messages(
                lang,
                CustomizeReply,
                job=job.model_dump(),
                resume=docs.resume.text,
                detailed=docs.detailed.text if docs.detailed else None,
                match=match_for_prompt,
                knowledge=found.prompt,
            )
            reply = ctx.structured(CustomizeReply, messages, meanwhile=lambda: evidence_for(documents))
        if ctx.offline:  # extractive by construction: its flags, if any, are shown, never a reason to fail
            flags = ground(reply.markdown, documents, docs.job)
        else:
            flags = check_tailored(reply.markdown, documents, docs.job)
        projected = None if match is None else projected_score(match.overall_score, match.coverage, reply.markdown)
        return {
            "markdown": reply.markdown,
            "sources": [s.model_dump() for s in reply.sources],
            "grounding": report_json(flags),
            "projected_score": projected,
        }

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]:
        assert job.service_id is not None
        session.get(Service, job.service_id, with_for_update=True)  # serialised with Match's store (see there)
        if result["projected_score"] is None and (row := latest_match(session, job.service_id)) is not None:
            match = MatchResultData.model_validate(row.result_json)
            result["projected_score"] = projected_score(match.overall_score, match.coverage, result["markdown"])
        add_version(
            session,
            job.service_id,
            result["markdown"],
            job_id=job.id,
            sources=result["sources"],
            grounding=result["grounding"],
            projected=result["projected_score"],
        )
        return []


class InterviewHandler(BaseHandler):
    kind = "interview"
    is_stream = True

    def run(self, ctx: JobContext) -> Any:
        with committed_reads() as session:
            facts = offline.load_step(session, _service_id(ctx), ctx.params.get("lang"))
            version = latest_version(session, facts.service_id)
            if version is None or facts.match_json is None:
                raise UserError("workbench.error.customize_first")
            markdown, version_id, match = version.markdown, version.id, facts.match_json
        docs, lang = facts.docs, facts.docs.lang
        match_data = MatchResultData.model_validate(match)
        situation = read_situation(docs.resume, docs.detailed, docs.job, match_data.coverage)
        found = retrieve("interview", knowledge_query("interview", situation, lang), lang)
        ctx.figures["retrieved"] = found.record
        if ctx.offline:
            reply = ctx.offline_reply(lambda: engine.interview(docs, markdown, match_data, found.passages))
        else:
            messages = prompts.interview_messages(
                lang,
                InterviewReply,
                job=facts.job_summary,
                tailored_markdown=markdown,
                match=match,
                knowledge=found.prompt,
            )
            documents = _documents(docs)
            reply = ctx.structured(InterviewReply, messages, meanwhile=lambda: evidence_for(documents))
            check_interview(reply, documents)
        result = {**reply.model_dump(), "engine": ctx.spec.engine_label}
        return {"result": result, "resume_version_id": str(version_id)}

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]:
        assert job.service_id is not None
        session.add(
            InterviewResult(
                service_id=job.service_id,
                job_id=job.id,
                resume_version_id=uuid.UUID(result["resume_version_id"]),
                result_json=result["result"],
            )
        )
        return []
