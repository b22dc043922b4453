"""The history's reads (issue 20, finding 5): every service reachable by paging and by search (titles are
encrypted, so the search reads them in code), and never another user's."""

from __future__ import annotations

from core.workbench import views
from tests.e2e.workbench_setup import past_services


def test_history_pages_and_searches_every_service(make_user) -> None:
    user = make_user(coins=0)
    ids = past_services(user, 5)
    assert [i.title for i in views.list_services(user, 2)] == ["Initech 04 · Analyst", "Initech 03 · Analyst"]
    assert [i.id for i in views.list_services(user, 2, offset=4)] == [ids[0]]
    assert [i.id for i in views.list_services(user, None)] == ids[::-1]
    assert [i.id for i in views.list_services(user, search="INITECH 02")] == [ids[2]]
    day = views.list_services(user, 1)[0].created_at.strftime("%Y-%m-%d")
    assert len(views.list_services(user, 3, search=day)) == 3  # by date too, still paged
    assert views.list_services(user, search="Globex") == []
    assert views.list_services(make_user(coins=0), search="Initech") == []
