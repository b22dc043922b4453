"""Coin packs, read from settings.coin_packs ("id:coins:amount_minor:currency,...").

Packs are configuration, not data: a price change is a deploy, and a payment row copies the pack's coins,
amount and currency at checkout time so later changes never alter what a past purchase credits.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.config import get_settings
from core.errors import InvalidInput

# Currencies Stripe charges without a minor unit (amount_minor is already whole units).
_ZERO_DECIMAL = frozenset({"jpy", "krw", "vnd", "clp", "pyg", "ugx", "xaf", "xof", "bif", "djf", "gnf", "kmf"})


@dataclass(frozen=True)
class CoinPack:
    id: str
    coins: int
    amount_minor: int
    currency: str

    @property
    def amount_display(self) -> str:
        return format_amount(self.amount_minor, self.currency)


def format_amount(amount_minor: int, currency: str) -> str:
    """'5.00 CNY' — for showing prices; Stripe itself works in minor units."""
    if currency.lower() in _ZERO_DECIMAL:
        return f"{amount_minor} {currency.upper()}"
    return f"{amount_minor / 100:.2f} {currency.upper()}"


def parse_packs(spec: str) -> list[CoinPack]:
    """Parse the settings string; a malformed entry is a configuration error, raised at once."""
    packs: list[CoinPack] = []
    seen: set[str] = set()
    for raw in spec.split(","):
        item = raw.strip()
        if not item:
            continue
        parts = [p.strip() for p in item.split(":")]
        if len(parts) != 4:
            raise ValueError(f"coin pack {item!r}: expected id:coins:amount_minor:currency")
        pack_id, coins, amount, currency = parts
        pack = CoinPack(id=pack_id, coins=int(coins), amount_minor=int(amount), currency=currency.lower())
        if not pack.id or pack.coins <= 0 or pack.amount_minor <= 0 or len(pack.currency) != 3:
            raise ValueError(f"coin pack {item!r}: id, positive coins and amount, 3-letter currency required")
        if pack.id in seen:
            raise ValueError(f"coin pack {pack.id!r} is defined twice")
        seen.add(pack.id)
        packs.append(pack)
    return packs


def coin_packs() -> list[CoinPack]:
    return parse_packs(get_settings().coin_packs)


# The currency a user of each language pays in (Chinese: yuan through Stripe's CNY; English: US dollars).
CURRENCY_BY_LANG = {"zh": "cny", "en": "usd"}


def packs_for(lang: str) -> list[CoinPack]:
    """The packs offered to a user of `lang`: their currency only, fewest coins first.

    Without a pack in that currency, the currency most packs use is offered, so a page never mixes two.
    """
    packs = coin_packs()
    if not packs:
        return []
    currencies = [p.currency for p in packs]
    wanted = CURRENCY_BY_LANG.get(lang, "usd")
    currency = wanted if wanted in currencies else max(currencies, key=currencies.count)
    return sorted((p for p in packs if p.currency == currency), key=lambda p: (p.coins, p.amount_minor))


def get_pack(pack_id: str) -> CoinPack:
    for pack in coin_packs():
        if pack.id == pack_id:
            return pack
    raise InvalidInput("billing.error.unknown_pack")
