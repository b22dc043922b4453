"""Quotes: what a workbench step would cost the user now, shown before they confirm it.

A quote is the price, or the free slow queue when the balance is short (core.ledger.quote). It charges
nothing; the command that follows (core.workbench.services) charges under the wallet lock and may still route
free if the balance changed in between.
"""

from __future__ import annotations

import uuid

from core import ledger
from core.llm.registry import price_for
from db.session import unit_of_work


def quote_service(user_id: uuid.UUID, *, tailor: bool = False) -> ledger.Quote:
    """What creating a service would cost now: the price, or the free slow queue when coins are short.

    With `tailor` ("Match and tailor") the price is Match's and Customize's together, said before confirming.
    """
    with unit_of_work() as session:
        return ledger.quote(session, user_id, service_price(tailor))


def service_price(tailor: bool = False) -> int:
    """A new service's price: Match (extraction included), plus Customize when the user asked for both."""
    return price_for("match") + (price_for("customize") if tailor else 0)


def quote_step(user_id: uuid.UUID, kind: str) -> ledger.Quote:
    """Quote for 'match' (a new service), 'customize' or 'interview'."""
    with unit_of_work() as session:
        return ledger.quote(session, user_id, price_for(kind))
