"""The product's vocabulary: asset kinds, job kinds, workbench steps, job states and languages, named once.

The Literal types let mypy check every place a kind, a state or a language is written; the tuples carry the
same values at run time (validation, loops, tests against the database's CHECK constraints). A job of kind
A job is one row of the jobs table, whatever its kind; "extract" is the kind that reads a job description into a
summary (the JD summary, `services.job_summary_json`); the service is the row a JD's steps belong to.
(Not to be confused with core/facts/vocabulary.py, the bilingual skills and degrees found in documents.)
"""

from __future__ import annotations

from typing import Literal

AssetKind = Literal["resume", "detailed_resume"]
StepKind = Literal["extract", "match", "customize", "interview"]
JobKind = Literal["resume", "detailed_resume", "extract", "match", "customize", "interview", "probe"]
JobState = Literal["queued", "running", "succeeded", "failed", "cancelled"]
Lang = Literal["en", "zh"]

ASSET_KINDS: tuple[AssetKind, ...] = ("resume", "detailed_resume")
STEP_KINDS: tuple[StepKind, ...] = ("extract", "match", "customize", "interview")
JOB_KINDS: tuple[JobKind, ...] = (*ASSET_KINDS, *STEP_KINDS, "probe")
JOB_STATES: tuple[JobState, ...] = ("queued", "running", "succeeded", "failed", "cancelled")
ACTIVE_STATES: tuple[JobState, ...] = ("queued", "running")
LANGS: tuple[Lang, ...] = ("en", "zh")
DEFAULT_LANG: Lang = "en"

# The price table: each priced kind and the setting (core.config.Settings) that holds its price in coins. A kind
# not listed costs nothing by itself: "extract" is part of a service, whose price Match carries (a screenshot's
# extraction holds it from the click until it hands it on to the Match it creates), and "probe" is the engine's.
PRICE_SETTINGS: dict[JobKind, str] = {
    "resume": "price_resume",
    "detailed_resume": "price_detailed_resume",
    "match": "price_service",
    "customize": "price_customize",
    "interview": "price_interview",
}
# What a model registry file written before the rename may call a kind.
FORMER_KIND_NAMES: dict[str, JobKind] = {"job": "extract"}


def normalize_lang(value: str | None) -> Lang:
    """The supported language for any tag the product meets ('zh-CN', 'zh_TW', 'EN', 'fr', None): Chinese or English.

    Every language other than Chinese is served in English, the default catalog.
    """
    return "zh" if value and value.strip().lower().startswith("zh") else DEFAULT_LANG
