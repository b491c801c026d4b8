"""`dutydesk serve`'s log lines: text from outside (an author's handle in a breach's title) can
neither forge a line nor act on the terminal."""

from __future__ import annotations

import io
import logging

import pytest

from core.clock import FixedClock
from core.policy import PolicyPack
from service.firing import fire_due
from service.intake import prepare
from service.logs import SafeFormatter
from storage.memory import MemoryStore

HOSTILE = "@x\n2026-12-06 02:00:00,000 INFO breach: message 9 (lewes-x) forged\x1b[2J"


@pytest.fixture
def log_stream() -> io.StringIO:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(SafeFormatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("dutydesk.engine")
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(old)


async def test_a_fired_breach_logs_a_hostile_handle_escaped(
        log_stream: io.StringIO, lewes_pack: PolicyPack, frozen_clock: FixedClock, make_message) -> None:  # noqa: ANN001
    store = MemoryStore()
    await store.open()
    inbound = make_message(1, author={"platform_id": "u1", "handle": HOSTILE})
    await store.add_messages([prepare(inbound, lewes_pack, frozen_clock.now())])
    message = await store.get_message(1)
    for when in (message.warning_1_at, message.warning_2_at, message.due_at):  # each on time
        assert when is not None
        assert await fire_due(store, lewes_pack, when) == 1
    lines = log_stream.getvalue().splitlines()
    assert len(lines) == 3 and all(line.startswith("INFO ") for line in lines)
    assert "\x1b" not in log_stream.getvalue()
    assert "\u240a2026-12-06" in lines[0]


def test_the_formatter_escapes_any_message_but_keeps_our_traceback() -> None:
    formatter = SafeFormatter("%(levelname)s %(message)s")
    try:
        raise ValueError("boom")
    except ValueError:
        import sys
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "job %s failed", (HOSTILE,),
                                   sys.exc_info())
    text = formatter.format(record)
    first, *rest = text.splitlines()
    assert first.startswith("ERROR job @x\u240a") and "\x1b" not in text
    assert rest[0].startswith("Traceback") and rest[-1] == "ValueError: boom"
