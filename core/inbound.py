"""The inbound format as plain records, for bulk intake: JSON bytes to dicts in one pass.

`core.models.InboundMessage` is the inbound format: its fields, its JSON Schema (`dutydesk
schema inbound`) and every reason a line is refused. Building models is what costs, though:
validating a line into an `InboundMessage` (with its `Author` and enum members) takes about
three times as long as validating the same line, with the same constraints, into plain dicts,
and an import of 200,000 lines spends most of its time there.

`plain_record` is that cheaper pass, and only a short cut: it returns a record for a line the
model would accept with the same values, and None for anything else, including every line the
model would refuse and every line holding a NUL (raw, or written `\\u0000`), whose verdict
and reason then come from the model. So it can never let in what the model keeps out;
`tests/core/test_inbound.py` holds the two together, field by field and on generated lines.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from datetime import datetime

from pydantic import ConfigDict, Field, GetPydanticSchema, TypeAdapter, ValidationError, WithJsonSchema
from pydantic_core import core_schema
from typing_extensions import NotRequired, TypedDict

from core.models import MAX_TEXT_CHARS, MessageKind, Platform

# Literal types from the enums, so a new platform or kind reaches both at once.
PlatformName = Literal[tuple(p.value for p in Platform)]  # type: ignore[valid-type]
KindName = Literal[tuple(k.value for k in MessageKind)]  # type: ignore[valid-type]


# Text that starts like a date, then an aware datetime: a number (or a number written as text,
# which pydantic would read as seconds since 1970) is refused, as the model's Python validator
# refuses it (`core.models.date_time_text`), but all inside pydantic-core.
DateText = Annotated[datetime, GetPydanticSchema(lambda _type, _handler: core_schema.chain_schema([
    core_schema.str_schema(pattern=r"^\d{4}-"), core_schema.datetime_schema(tz_constraint="aware")])),
    WithJsonSchema({"type": "string", "format": "date-time"})]


class AuthorRecord(TypedDict):
    """`core.models.Author`, as a dict."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    platform_id: Annotated[str, Field(min_length=1, max_length=200)]
    handle: Annotated[str, Field(max_length=200)]
    display_name: NotRequired[Annotated[str, Field(max_length=500)]]


class InboundRecord(TypedDict):
    """`core.models.InboundMessage`, as a dict; optional keys are absent rather than defaulted."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    platform: PlatformName
    platform_id: Annotated[str, Field(min_length=1, max_length=200)]
    account: Annotated[str, Field(min_length=1, max_length=100)]
    kind: KindName
    author: AuthorRecord
    text: Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
    received_at: DateText
    thread_id: NotRequired[Annotated[str | None, Field(max_length=200)]]
    url: NotRequired[Annotated[str | None, Field(max_length=2000)]]
    labels: NotRequired[list[str]]


_validate = TypeAdapter(InboundRecord).validator.validate_json

def plain_record(raw: bytes) -> InboundRecord | None:
    """`raw` (one JSON object) as a record, or None: then ask the model (`InboundMessage`) for
    the verdict. None for every line the model refuses, for any line with a NUL in it, and for
    any line that may hold a key twice (`may_repeat_a_key`)."""
    if b"\\u0000" in raw:  # a raw NUL byte is not JSON: the validator refuses it anyway
        return None
    try:
        record: InboundRecord = _validate(raw)
    except ValidationError:
        return None
    if may_repeat_a_key(raw, len(record) + len(record["author"])):
        return None
    return record



# -- keys given twice -----------------------------------------------------------------------
# JSON parsers keep the last of two equal keys without a word, so `{"account": "a", ...,
# "account": "b"}` would be stored as "b" though whoever wrote it may have meant "a". The
# inbound format refuses such a line. Checking every line exactly (the json module with a hook
# per object) would cost as much again as validating it, so a cheap count comes first.

def may_repeat_a_key(raw: bytes, keys: int) -> bool:
    """False when `raw`, one valid JSON line whose objects hold `keys` distinct keys in all,
    surely holds none twice; True when it may (then ask `repeated_key`).

    Every key is a string followed by optional whitespace and a colon. Outside strings a line
    holds no line breaks; with no tab, no carriage return and no space before a colon anywhere,
    every key's colon follows its closing quote at once, and `":` counts each key once.
    Anything else matching (a quote and a colon inside a text) only makes the count larger.
    """
    return raw.count(b'":') != keys or b" :" in raw or b"\t" in raw or b"\r" in raw


class _RepeatedKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        raise _RepeatedKey(next(k for k, _ in pairs if k in seen or seen.add(k)))  # type: ignore[func-returns-value]
    return found


def repeated_key(raw: bytes) -> str | None:
    """The first key `raw` (one JSON document) gives twice in one object, or None (also None
    when `raw` is not JSON: that has its own reason)."""
    try:
        json.loads(raw, object_pairs_hook=_no_repeats)
    except _RepeatedKey as exc:
        return exc.key
    except ValueError:
        return None
    return None

