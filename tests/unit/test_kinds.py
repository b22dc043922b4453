"""The vocabulary in core/kinds.py is the one the database enforces, and languages normalise one way."""

from __future__ import annotations

import re
from typing import get_args

import pytest
from sqlalchemy import CheckConstraint

from core import kinds
from core.config import Settings
from db.models import Asset, Job


def _allowed(model: type, name: str) -> set[str]:
    constraint = next(c for c in model.__table__.constraints if isinstance(c, CheckConstraint) and c.name == name)  # type: ignore[attr-defined]
    return set(re.findall(r"'([a-z_]+)'", str(constraint.sqltext)))


def test_kinds_and_states_match_the_database_constraints() -> None:
    assert _allowed(Job, "ck_jobs_kind") == set(kinds.JOB_KINDS) == set(get_args(kinds.JobKind))
    assert _allowed(Job, "ck_jobs_state") == set(kinds.JOB_STATES) == set(get_args(kinds.JobState))
    assert _allowed(Asset, "ck_assets_kind") == set(kinds.ASSET_KINDS) == set(get_args(kinds.AssetKind))


def test_every_language_tag_maps_to_chinese_or_english() -> None:
    cases = {"zh": "zh", "zh-CN": "zh", "ZH_tw": "zh", " zh ": "zh", "en": "en", "en-US": "en", "fr": "en", "": "en"}
    assert {tag: kinds.normalize_lang(tag) for tag in cases} == cases
    assert kinds.normalize_lang(None) == "en"


def test_every_priced_kind_has_its_setting_and_extraction_is_part_of_the_service() -> None:
    settings = Settings(price_service=7, price_customize=3, price_interview=2, price_resume=1, price_detailed_resume=4)
    assert {kind: settings.price_for(kind) for kind in kinds.JOB_KINDS} == {
        "resume": 1,
        "detailed_resume": 4,
        "extract": 0,  # Match carries the service's price
        "match": 7,
        "customize": 3,
        "interview": 2,
        "probe": 0,
    }
    assert set(kinds.PRICE_SETTINGS) <= set(kinds.JOB_KINDS)
    with pytest.raises(KeyError):
        settings.price_for("job")  # the former name is no kind any more: a typo must not price at 0
