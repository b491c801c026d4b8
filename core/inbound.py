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

from typing import Annotated, Literal

from pydantic import AwareDatetime, ConfigDict, Field, TypeAdapter, ValidationError
from typing_extensions import NotRequired, TypedDict

from core.models import MAX_TEXT_CHARS, MessageKind, Platform

# Literal types from the enums, so a new platform or kind reaches both at once.
PlatformName = Literal[tuple(p.value for p in Platform)]  # type: ignore[valid-type]
KindName = Literal[tuple(k.value for k in MessageKind)]  # type: ignore[valid-type]


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
    received_at: AwareDatetime
    thread_id: NotRequired[Annotated[str | None, Field(max_length=200)]]
    url: NotRequired[Annotated[str | None, Field(max_length=2000)]]
    labels: NotRequired[list[str]]


_validate = TypeAdapter(InboundRecord).validator.validate_json

def plain_record(raw: bytes) -> InboundRecord | None:
    """`raw` (one JSON object) as a record, or None: then ask the model (`InboundMessage`) for
    the verdict. None for every line the model refuses, and for any line with a NUL in it."""
    if b"\\u0000" in raw:  # a raw NUL byte is not JSON: the validator refuses it anyway
        return None
    try:
        return _validate(raw)  # type: ignore[no-any-return]
    except ValidationError:
        return None

