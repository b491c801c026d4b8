"""A delivery failure shows on the desk: a toast when it happens, and the outbox line (failed,
no connector, retrying, held) until it is dealt with; hidden while all is well."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import pytest

from core.models import OutboxItem
from service.connectors import WebhookSettings
from service.delivery import DeliveryWorker
from service.webhook import WebhookConnector
from storage.outbox import OutboxCounts
from tests.service.webhook_receiver import SECRET, Receiver, running_receiver
from tests.tui.conftest import Desk, open_desk, settle, toasts
from tests.tui.test_snapshots import after
from tui.widgets.outbox_status import OutboxStatus, outbox_line

ACCOUNT = "eastbourne-x"
"""One of the officer's accounts (Daniel Okafor: the Eastbourne accounts and LinkedIn)."""


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


def line_text(app) -> str | None:  # type: ignore[no-untyped-def]
    status = app.screen.query_one(OutboxStatus)
    return str(status.content) if status.display else None


@pytest.mark.parametrize(("counts", "text"), [
    ({}, None),
    ({"a": OutboxCounts(account="a", queued=4)}, None),
    ({"a": OutboxCounts(account="a", failed=1, retrying=2),
      "b": OutboxCounts(account="b", failed=1, no_connector=3, held=1)},
     "Outbox: 2 failed · 3 no connector · 2 retrying · 1 held  (dutydesk outbox list)"),
])
def test_outbox_line(counts: dict, text: str | None) -> None:
    line = outbox_line(counts)
    assert (None if line is None else str(line)) == text


async def test_a_failed_delivery_shows_on_the_desk_until_it_is_sent(receiver: Receiver) -> None:
    desk = await open_desk()
    await desk.store.record(outbox=[OutboxItem(created_at=desk.clock.now(), account=ACCOUNT,
                                               kind="reply", text="On its way", created_by="dokafor")])
    settings = WebhookSettings(url=receiver.url, secret=SECRET)
    worker = DeliveryWorker(desk.store, desk.clock, {ACCOUNT: WebhookConnector(settings)})
    app = desk.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert line_text(app) is None
        receiver.statuses = [500, 403]
        await worker.run_due(desk.clock.now())
        app.poll_changes()
        await settle(pilot)
        assert any(sev == "warning" and "HTTP 500" in text for sev, text in toasts(app))
        assert "1 retrying" in (line_text(app) or "")
        await worker.run_due(desk.clock.advance(timedelta(seconds=30)))
        app.poll_changes()
        await settle(pilot)
        assert any(sev == "error" and "dutydesk outbox retry" in text for sev, text in toasts(app))
        assert "1 failed" in (line_text(app) or "")
        # Other accounts' replies (the seeded answer) have no connector: said too, never sent.
        assert "no connector" in (line_text(app) or "")
        item_id = next(o.id for o in await desk.store.outbox() if o.account == ACCOUNT)
        await desk.store.retry_outbox(item_id)  # type: ignore[arg-type]
        await worker.run_due(desk.clock.now())
        app.poll_changes()
        await settle(pilot)
        assert any("Delivered" in text for _sev, text in toasts(app)) or "failed" not in (line_text(app) or "")
        assert "failed" not in (line_text(app) or "")
        assert len(receiver.posted) == 1


async def _troubled_desk() -> Desk:
    """The open desk with one failed, one retrying and one unroutable reply."""
    desk = await open_desk()
    now = desk.clock.now()
    await desk.store.record(outbox=[
        OutboxItem(created_at=now, account=ACCOUNT, kind="reply", text=t, created_by="dokafor")
        for t in ("one", "two")])
    await desk.store.route_outbox({ACCOUNT})
    failed, retrying = [o.id for o in await desk.store.outbox() if o.account == ACCOUNT]
    for item_id, retry_at in ((failed, None), (retrying, now + timedelta(minutes=1))):
        await desk.store.begin_delivery(item_id, now, now + timedelta(seconds=30))  # type: ignore[arg-type]
        await desk.store.delivery_failed(item_id, "HTTP 503", now, retry_at)  # type: ignore[arg-type]
    return desk


def test_desk_with_outbox_problems_small(snap_compare) -> None:
    desk = asyncio.run(_troubled_desk())
    assert snap_compare(desk.app(), terminal_size=(80, 24), run_before=after())


def test_desk_with_outbox_problems_large(snap_compare) -> None:
    desk = asyncio.run(_troubled_desk())
    assert snap_compare(desk.app(), terminal_size=(160, 45), run_before=after())
