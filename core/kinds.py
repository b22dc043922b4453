"""The product's vocabulary: asset kinds, job kinds, workbench steps, job states and languages, named once.

The Literal types let mypy check every place a kind, a state or a language is written; the tuples carry the
same values at run time (validation, loops, tests against the database's CHECK constraints). A job of kind
"job" is the extraction of a job description; the service is the row a JD's steps belong to.
(Not to be confused with core/facts/vocabulary.py, the bilingual skills and degrees found in documents.)
"""

from __future__ import annotations

from typing import Literal

AssetKind = Literal["resume", "detailed_resume"]
StepKind = Literal["job", "match", "customize", "interview"]
JobKind = Literal["resume", "detailed_resume", "job", "match", "customize", "interview", "probe"]
JobState = Literal["queued", "running", "succeeded", "failed", "cancelled"]
Lang = Literal["en", "zh"]

ASSET_KINDS: tuple[AssetKind, ...] = ("resume", "detailed_resume")
STEP_KINDS: tuple[StepKind, ...] = ("job", "match", "customize", "interview")
JOB_KINDS: tuple[JobKind, ...] = (*ASSET_KINDS, *STEP_KINDS, "probe")
JOB_STATES: tuple[JobState, ...] = ("queued", "running", "succeeded", "failed", "cancelled")
ACTIVE_STATES: tuple[JobState, ...] = ("queued", "running")
LANGS: tuple[Lang, ...] = ("en", "zh")
DEFAULT_LANG: Lang = "en"


def normalize_lang(value: str | None) -> Lang:
    """The supported language for any tag the product meets ('zh-CN', 'zh_TW', 'EN', 'fr', None): Chinese or English.

    Every language other than Chinese is served in English, the default catalog.
    """
    return "zh" if value and value.strip().lower().startswith("zh") else DEFAULT_LANG
