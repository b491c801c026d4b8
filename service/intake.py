"""Intake: turning inbound messages into stored ones, from an import file or a live connector.

Three ways in, one rule: a message is validated, given its first-response due time from its
account's opening hours, labelled by triage, and only reported stored once its transaction
has committed. A repeat of (platform, platform_id) is stored once, so a retried import or a
connector that resends never duplicates.

* `prepare` — one `InboundMessage` to a `NewMessage` (due times and labels).
* `parse_line` / `convert_lines` — JSON Lines, one message per line; a bad line becomes a
  `RejectedLine` naming the line and the reason (a rejects-file record), and the rest goes on.
Whole imports (`import_stream`) are in `service.imports`, the live path for connectors
(`IntakeWriter`) in `service.writer`.
"""

from __future__ import annotations

import inspect
import json
import logging
from bisect import bisect_right
from collections.abc import Callable, Iterable, KeysView, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError

from core.clock import require_aware
from core.fields import field_path
from core.hours import OpeningHours
from core.inbound import may_repeat_a_key, plain_record, repeated_key
from core.lane import first_response_deadlines, in_lane, lane_deadlines
from core.models import InboundMessage
from core.policy import FirstResponse, PolicyPack
from core.sla import NEVER_PAUSED, Deadlines, deadlines
from core.triage import triage, triage_text
from core.triage_pack import pack_phrases
from service.lines import MAX_LINE_BYTES
from storage.rows import (
    EPOCH,
    MICROSECOND,
    InsertResult,
    MessageRow,
    NewMessage,
    from_micros,
    message_row,
    micros_or_none,
    to_micros,
)

log = logging.getLogger(__name__)

#: How much of a rejected line the rejects file keeps, in characters.
REJECT_RAW_CHARS = 200
#: Received times whose year falls outside these are refused: a broken clock or a unit
#: mix-up, and no opening-hours calendar can place them. (The year as written, not in UTC: a
#: comparison of years costs nothing, one of aware datetimes a microsecond.)
YEARS = range(2000, 2100)

_MINUTE_US = 60_000_000

OnStored = Callable[[Sequence[InsertResult]], Any]
"""A hook called with the results of each committed group (may return an awaitable)."""


class UnknownAccountError(ValueError):
    """The message names an account the policy pack does not have."""


def unknown_account_reason(account: str, known: Iterable[str]) -> str:
    """A sentence naming the unknown account and the ones the pack has."""
    return f"unknown account {account!r}; this policy pack's accounts are: {', '.join(known)}"


# -- one message ---------------------------------------------------------------------------------

def _with_triage(given: Sequence[str] | None, found: tuple[str, ...]) -> tuple[str, ...]:
    """Labels given at intake, then those triage `found`, each once, in that order."""
    return tuple(dict.fromkeys((*given, *found))) if given else found


def prepare(inbound: InboundMessage, pack: PolicyPack, ingested_at: datetime) -> NewMessage:
    """`inbound` ready to store: its first-response deadlines and its labels.

    Raises UnknownAccountError when the pack has no account of that id.
    """
    try:
        hours = pack.hours_for(inbound.account)
    except KeyError:
        raise UnknownAccountError(
            unknown_account_reason(inbound.account, (a.id for a in pack.accounts))) from None
    labels = _with_triage(inbound.labels, triage(inbound, pack_phrases(pack.triage)))
    due = first_response_deadlines(inbound.received_at, labels, hours, pack.target_for(inbound.account))
    return _new_message(inbound, (due.warning_1_at, due.warning_2_at, due.due_at),
                        require_aware(ingested_at, "ingested_at"), labels)


def _new_message(inbound: InboundMessage,
                 times: tuple[datetime | None, datetime | None, datetime | None],
                 ingested_at: datetime, labels: tuple[str, ...]) -> NewMessage:
    w1, w2, due = times
    return NewMessage(inbound=inbound, ingested_at=ingested_at, due_at=due,
                      warning_1_at=w1, warning_2_at=w2, labels=labels)


Times = tuple[int | None, int | None, int | None]
"""(warning_1_at, warning_2_at, due_at) as integer microseconds since the epoch (UTC)."""


class DeadlineCache:
    """Exact first-response deadlines for many messages on one calendar, fast.

    `core.sla.deadlines` asks `OpeningHours` afresh each time (tens of microseconds); an import
    asks thousands of times a second about the same few weeks. This fetches those weeks' open
    spans once (through `OpeningHours.open_spans`, the calendar's one source of open time) and
    walks them, in integer microseconds, with the same rule as `OpeningHours.add_business_time`;
    anything beyond the cached weeks goes to `core.sla.deadlines`. Keep one per import run, not
    for ever: extra hours declared later would not be seen.
    """

    WINDOW = timedelta(days=28)
    """Received times are grouped into windows this long; each window's spans are fetched once."""
    REACH = timedelta(days=42)
    """How far past its window a window's spans go (room for the longest due time)."""
    MAX_WINDOWS = 64

    def __init__(self, hours: OpeningHours, target: FirstResponse) -> None:
        self._hours = hours
        self._target = target
        self._offsets: tuple[int, int, int] | None = None
        self._longest = 0  # the largest offset: a span this long past the start holds all three
        if target.minutes is not None:
            span = target.minutes * _MINUTE_US
            first, second = (m * _MINUTE_US for m in target.warnings_minutes_left)
            self._offsets = (span - first, span - second, span)
            self._longest = max(self._offsets)
        # Per window: the closing instants (for bisect) and the spans, both in microseconds.
        self._windows: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}
        self._window_us = self.WINDOW // MICROSECOND

    def __call__(self, received_at: datetime) -> Deadlines:
        """The same as `core.sla.deadlines(received_at, hours, target)`."""
        w1, w2, due = self.times(received_at)
        return Deadlines(due_at=due, warning_1_at=w1, warning_2_at=w2)

    def times(self, received_at: datetime) -> tuple[datetime | None, datetime | None, datetime | None]:
        """(warning_1_at, warning_2_at, due_at): `__call__` without building a Deadlines."""
        w1, w2, due = self.micros(to_micros(received_at, "received_at"), received_at)
        return from_micros(w1), from_micros(w2), from_micros(due)

    def micros(self, start: int, received_at: datetime) -> Times:
        """`times` in microseconds, for a message received at `start` microseconds
        (`received_at`, the same instant, is asked of `core.sla` past the cached weeks)."""
        offsets = self._offsets
        if offsets is None:
            return None, None, None
        key = start // self._window_us
        closes, spans = self._windows.get(key) or self._new_window(key)
        first = bisect_right(closes, start)
        if first < len(spans):  # the usual case: all three fall in the first open span
            opens, closing = spans[first]
            if opens < start:
                opens = start
            if closing - opens >= self._longest:
                return opens + offsets[0], opens + offsets[1], opens + offsets[2]
        found: list[int] = []
        passed = 0  # open time before the current span
        for i in range(first, len(spans)):
            opens, closing = spans[i]
            if opens < start:
                opens = start
            room = closing - opens
            while passed + room >= offsets[len(found)]:
                found.append(opens + offsets[len(found)] - passed)
                if len(found) == 3:
                    return found[0], found[1], found[2]
            passed += room
        exact = deadlines(received_at, self._hours, self._target)
        return (micros_or_none(exact.warning_1_at, "warning_1_at"),
                micros_or_none(exact.warning_2_at, "warning_2_at"), micros_or_none(exact.due_at, "due_at"))

    def _new_window(self, key: int) -> tuple[list[int], list[tuple[int, int]]]:
        """Work out window `key` and keep it (`micros` looks in `_windows` first)."""
        if len(self._windows) >= self.MAX_WINDOWS:
            self._windows.clear()
        begins = from_micros(key * self._window_us)
        spans = [(to_micros(o, "opens"), to_micros(c, "closes"))
                 for o, c in self._hours.open_spans(begins, begins + self.WINDOW + self.REACH)]
        window = self._windows[key] = ([c for _, c in spans], spans)
        return window


class Preparer:
    """`prepare` for many messages of one pack: the account look-up and deadlines cached."""

    def __init__(self, pack: PolicyPack) -> None:
        self.pack = pack
        # One cache per calendar and target (young_or_vulnerable accounts have their own).
        caches: dict[tuple[str, int | None], DeadlineCache] = {}
        self._deadlines = {}
        for a in pack.accounts:
            target = pack.target_for(a.id)
            key = (a.hours, target.minutes)
            if key not in caches:
                caches[key] = DeadlineCache(pack.hours[a.hours], target)
            self._deadlines[a.id] = caches[key]
        self._phrases = pack_phrases(pack.triage)
        self._lane = {a.id: (pack.hours[a.hours], pack.target_for(a.id)) for a in pack.accounts}

    def _lane_micros(self, account: str, received_at: datetime) -> Times:
        """A disclosure's (warning_1_at, warning_2_at, due_at) in microseconds (core.lane)."""
        d = lane_deadlines(received_at, *self._lane[account])
        return (micros_or_none(d.warning_1_at, "warning_1_at"),
                micros_or_none(d.warning_2_at, "warning_2_at"), micros_or_none(d.due_at, "due_at"))

    @property
    def accounts(self) -> KeysView[str]:
        """The pack's account ids, in pack order."""
        return self._deadlines.keys()

    def __call__(self, inbound: InboundMessage, ingested_at: datetime) -> NewMessage:
        cache = self._deadlines.get(inbound.account)
        if cache is None:
            raise UnknownAccountError(unknown_account_reason(inbound.account, self._deadlines))
        labels = _with_triage(inbound.labels, triage(inbound, self._phrases))
        if in_lane(labels):  # a disclosure's clock never pauses (core.lane)
            return prepare(inbound, self.pack, ingested_at)
        return _new_message(inbound, cache.times(inbound.received_at), ingested_at, labels)

    def plain_row(self, raw: bytes, ingested_at: int) -> MessageRow | None:
        """One import line straight to a row, without models: the short cut for lines that are
        plainly fine (`core.inbound.plain_record`), or None when the line needs the full path
        (`_parse`, then this object called), which gives every verdict and reason. The row is
        the one the full path would make (tests/service/test_intake_plain.py)."""
        record = plain_record(raw)
        if record is None:
            return None
        received = record["received_at"]
        cache = self._deadlines.get(record["account"])
        if cache is None or received.year not in YEARS:
            return None
        start = (received - EPOCH) // MICROSECOND
        text, kind, author = record["text"], record["kind"], record["author"]
        labels = _with_triage(record.get("labels"), triage_text(text, kind, self._phrases))
        try:
            if NEVER_PAUSED.isdisjoint(labels):
                w1, w2, due = cache.micros(start, received)
            else:  # a disclosure's clock never pauses (core.lane)
                w1, w2, due = self._lane_micros(record["account"], received)
        except (ValueError, OverflowError):
            return None
        return tuple.__new__(MessageRow, (  # MessageRow(...) without its Python-level __new__
            record["platform"], record["platform_id"], record["account"], kind,
            author["platform_id"], author["handle"], author.get("display_name", ""), text,
            start, ingested_at, record.get("thread_id"), record.get("url"), due, w1, w2, labels))


# -- one import line ----------------------------------------------------------------------------

class RejectedLine(ValueError):
    """An import line that cannot be stored: which line (1-based) and why, in plain words."""

    def __init__(self, lineno: int, reason: str) -> None:
        self.lineno = lineno
        self.reason = reason
        super().__init__(f"line {lineno}: {reason}")


def parse_line(raw: bytes, lineno: int, pack: PolicyPack) -> InboundMessage:
    """One JSON Lines line as an `InboundMessage`, or RejectedLine saying what is wrong."""
    return _parse(raw, lineno, {a.id: None for a in pack.accounts}.keys())


# `InboundMessage.model_validate_json` minus a Python-level wrapper: a microsecond a line.
_validate_json = InboundMessage.__pydantic_validator__.validate_json


def _parse(raw: bytes, lineno: int, accounts: KeysView[str]) -> InboundMessage:
    if len(raw) > MAX_LINE_BYTES:
        raise RejectedLine(lineno, f"line is over {MAX_LINE_BYTES:,} bytes")
    try:
        message: InboundMessage = _validate_json(raw)
    except ValidationError as exc:
        raise RejectedLine(lineno, _invalid_reason(raw, exc)) from None
    given = len(message.model_fields_set) + len(message.author.model_fields_set)
    if may_repeat_a_key(raw, given) and (key := repeated_key(raw)) is not None:
        raise RejectedLine(lineno, f"the key {key!r} is given twice (which one was meant?)")
    if message.account not in accounts:
        raise RejectedLine(lineno, unknown_account_reason(message.account, accounts))
    if message.received_at.year not in YEARS:
        raise RejectedLine(lineno, f"received_at: {message.received_at.isoformat()} is not a "
                                   f"plausible time (expected {YEARS[0]} to {YEARS[-1]})")
    if b"\\u0000" in raw and _has_nul(message):
        raise RejectedLine(lineno, "a field contains a NUL character (\\u0000)")
    return message


def _has_nul(message: InboundMessage) -> bool:
    # text and author are checked by the model; these are the other free-text fields.
    fields = (message.platform_id, message.account, message.thread_id or "", message.url or "",
              *message.labels)
    return any("\x00" in value for value in fields)


def _invalid_reason(raw: bytes, exc: ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    if errors and errors[0]["type"] == "json_invalid":
        return _not_json_reason(raw, errors[0]["msg"])
    if errors and errors[0]["type"] == "model_type":
        return f"not a JSON object: the line holds {_json_kind(raw)}"
    return "; ".join(f"{field_path(e['loc'], whole='(the line)')}: {_plain(e['msg'])}" for e in errors)


def _not_json_reason(raw: bytes, message: str) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"invalid UTF-8 at byte {exc.start} (counting from 0): {exc.reason}"
    nul = raw.find(b"\x00")
    if nul >= 0:
        return f"a NUL byte at byte {nul} (counting from 0)"
    return f"not valid JSON: {message.removeprefix('Invalid JSON: ')}"


def _json_kind(raw: bytes) -> str:
    try:
        value = json.loads(raw)
    except ValueError:
        return "something else"
    kinds = {list: "a list", str: "a string", int: "a number", float: "a number",
             bool: "true or false", type(None): "null"}
    return kinds.get(type(value), "something else")


def _plain(message: str) -> str:
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def reject_record(lineno: int, reason: str, raw: bytes) -> str:
    """One rejects-file line: {"line", "reason", "raw"}, raw cut short and safely decoded.

    ASCII-only JSON, so control characters and escape sequences from the raw line are shown
    as escapes and never act on the terminal of whoever reads the file.
    """
    snippet = raw[:REJECT_RAW_CHARS * 4].decode("utf-8", "backslashreplace")[:REJECT_RAW_CHARS]
    return json.dumps({"line": lineno, "reason": reason, "raw": snippet}, ensure_ascii=True) + "\n"


# -- a batch of lines ----------------------------------------------------------------------------------

@dataclass
class Converted:
    """A batch of lines made ready: the rows to store and the rejects-file records, in order."""

    rows: list[MessageRow]
    rejects: list[str]


def convert_lines(numbered: Iterable[tuple[int, bytes]], prepare: Preparer,
                  now: datetime) -> Converted:
    """Each numbered line as a row ingested at `now`, or a rejects-file record saying why not.

    Plainly good lines take `Preparer.plain_row`; every other line goes the full way
    (`_parse`, then `prepare`), which gives the verdict and the reason.
    """
    ingested = to_micros(now, "now")
    rows: list[MessageRow] = []
    rejects: list[str] = []
    accounts = prepare.accounts
    plain_row, keep = prepare.plain_row, rows.append
    for lineno, raw in numbered:
        row = plain_row(raw, ingested)
        if row is not None:
            keep(row)
            continue
        try:
            keep(message_row(prepare(_parse(raw, lineno, accounts), now)))
        except RejectedLine as exc:
            rejects.append(reject_record(lineno, exc.reason, raw))
        except (ValueError, OverflowError) as exc:  # e.g. hours that never open
            rejects.append(reject_record(
                lineno, f"cannot work out the first-response due time: {exc}", raw))
    return Converted(rows, rejects)


async def call_hooks(hooks: Sequence[OnStored], results: Sequence[InsertResult]) -> None:
    """Tell each hook what was committed; a failing hook is logged, never un-commits anything."""
    for hook in hooks:
        try:
            outcome = hook(results)
            if inspect.isawaitable(outcome):
                await outcome
        except Exception:
            log.exception("an on_stored hook failed")


# -- the live path ----------------------------------------------------------------------------------
