"""Rules behind the pages (issue 20): the JD's language counted from its text, coin packs in one currency."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.billing.packs import packs_for
from core.config import get_settings
from core.workbench.language import detect_lang


def test_an_english_jd_is_english_even_naming_a_chinese_company() -> None:
    jd = "Tencent (腾讯) is hiring a Senior Backend Engineer. You will build payment APIs in Python and Go."
    assert detect_lang(jd) == "en"


def test_a_chinese_jd_full_of_english_tech_terms_is_chinese() -> None:
    jd = "岗位职责：负责支付系统后端开发，使用 Python、Go 和 Kafka；任职要求：三年以上 AWS 与 PostgreSQL 经验。"
    assert detect_lang(jd) == "zh"


def test_empty_or_symbols_only_text_defaults_to_english() -> None:
    assert detect_lang("") == "en"
    assert detect_lang("12345 — !!!") == "en"


@pytest.fixture
def packs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("COIN_PACKS", "big:50:2000:cny,small:10:500:cny,usd10:10:70:usd,usd50:50:280:usd")
    get_settings.cache_clear()
    yield
    monkeypatch.delenv("COIN_PACKS")
    get_settings.cache_clear()


def test_each_language_sees_its_own_currency_only_smallest_pack_first(packs: None) -> None:
    assert [p.id for p in packs_for("zh")] == ["small", "big"]
    assert [p.id for p in packs_for("en")] == ["usd10", "usd50"]


def test_without_a_pack_in_the_users_currency_one_currency_is_still_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COIN_PACKS", "a:10:500:eur,b:20:900:eur,c:10:70:usd")
    get_settings.cache_clear()
    try:
        assert {p.currency for p in packs_for("zh")} == {"eur"}
    finally:
        monkeypatch.delenv("COIN_PACKS")
        get_settings.cache_clear()


def test_the_default_packs_cost_the_same_per_coin_in_both_currencies() -> None:
    """Not 5.00 CNY beside 0.99 USD for the same 10 coins (at about 7 yuan to the dollar, within 15%)."""
    get_settings.cache_clear()
    cny, usd = packs_for("zh")[0], packs_for("en")[0]
    assert (cny.currency, usd.currency) == ("cny", "usd")
    per_coin_cny = cny.amount_minor / cny.coins
    per_coin_usd_in_cny = usd.amount_minor / usd.coins * 7.1
    assert abs(per_coin_cny - per_coin_usd_in_cny) / per_coin_cny < 0.15
