"""The plain-record short cut (`core.inbound`) against the model it stands for.

`plain_record` may only ever say yes where `InboundMessage` says yes, with the same values; and
to be worth having, it should say yes to every plainly good line. Checked on the schema, field
by field, and on generated lines around every limit.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

import pytest

from core.inbound import InboundRecord, may_repeat_a_key, plain_record, repeated_key
from core.models import MAX_TEXT_CHARS, InboundMessage


def _inline(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with every $ref replaced by its definition, and the words (titles,
    descriptions) that do not change what is accepted left out."""
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return walk(defs[node["$ref"].rsplit("/", 1)[-1]])
            return {k: walk(v) for k, v in node.items()
                    if k not in ("title", "description", "$defs", "default")}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(schema)


def test_the_record_accepts_what_the_model_schema_says_field_by_field() -> None:
    model = _inline(InboundMessage.model_json_schema())
    record = _inline(TypeAdapter(InboundRecord).json_schema())
    assert record["properties"].keys() == model["properties"].keys()
    for name, spec in model["properties"].items():
        assert record["properties"][name] == spec, name
    assert sorted(record["required"]) == sorted(model["required"])
    assert record.get("additionalProperties") is model.get("additionalProperties") is False


# -- generated lines around every limit ---------------------------------------------------------------

def _text(limits: tuple[int, ...]) -> st.SearchStrategy[str]:
    sizes = st.sampled_from(sorted({max(n + d, 0) for n in limits for d in (-1, 0, 1)}))
    return st.one_of(st.text(max_size=30), sizes.map(lambda n: "é" * n),
                     st.sampled_from(["bins\u0000now", "[bold]x[/]", "\x1b[2J", "\ud800"]))


def _any_json() -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
                     st.text(max_size=5), st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


TIMES = st.sampled_from([
    "2026-03-02T10:00:00Z", "2026-03-02T10:00:00+01:00", "2026-03-02T10:00:00.123456-05:30",
    "2026-03-02T10:00:00", "2026-03-02", "2026-02-30T10:00:00Z", "yesterday", "", "1999-12-31T23:59:59Z",
    "2026-03-29T01:30:00+00:00", 0, 1_772_445_600, 1.5, None, True])

AUTHOR = st.fixed_dictionaries(
    {"platform_id": _text((1, 200)), "handle": _text((200,))},
    optional={"display_name": st.one_of(_text((500,)), _any_json()), "extra": st.integers()})


def _field_value(name: str) -> st.SearchStrategy[Any]:
    return {
        "platform": st.sampled_from(["x", "facebook", "instagram", "mastodon", "linkedin", "X", "myspace", 1]),
        "platform_id": _text((1, 200)),
        "account": _text((1, 100)),
        "kind": st.sampled_from(["comment", "mention", "dm", "reply", "DM", "tweet", None]),
        "author": st.one_of(AUTHOR, _any_json()),
        "text": _text((MAX_TEXT_CHARS,)),
        "received_at": TIMES,
        "thread_id": st.one_of(st.none(), _text((200,))),
        "url": st.one_of(st.none(), _text((2000,))),
        "labels": st.one_of(st.lists(st.text(max_size=8), max_size=3), st.just([1]), st.none()),
    }[name]


FIELDS = ("platform", "platform_id", "account", "kind", "author", "text", "received_at",
          "thread_id", "url", "labels")


BASE = {"platform": "x", "platform_id": "1", "account": "lewes-x", "kind": "dm",
        "author": {"platform_id": "u1", "handle": "@a", "display_name": "A"},
        "text": "Mill Road bins", "received_at": "2026-03-02T10:00:00Z",
        "thread_id": "t1", "url": "https://example.org/1", "labels": ["x"]}


@st.composite
def lines(draw: st.DrawFn) -> bytes:
    """A good line with one to three things changed: a field replaced (by a value near a limit,
    of another type, or good), removed, or one added."""
    data = json.loads(json.dumps(BASE))
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(FIELDS))
        change = draw(st.sampled_from(["replace", "replace", "remove", "author", "extra"]))
        if change == "replace":
            data[name] = draw(_field_value(name))
        elif change == "remove":
            data.pop(name, None)
        elif change == "author" and isinstance(data.get("author"), dict):
            key = draw(st.sampled_from(["platform_id", "handle", "display_name", "extra"]))
            data["author"][key] = draw(st.one_of(_text((1, 200, 500)), _any_json()))
            if draw(st.booleans()):
                data["author"].pop(key)
        else:
            data["colour"] = "red"
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


def _model_verdict(raw: bytes) -> InboundMessage | None:
    try:
        return InboundMessage.model_validate_json(raw)
    except ValidationError:
        return None


def _as_record(message: InboundMessage, raw: bytes) -> dict[str, Any]:
    """The model's values in the record's shape (optional keys only where the line had them)."""
    given = json.loads(raw)
    values = message.model_dump(mode="python")
    values["platform"], values["kind"] = message.platform.value, message.kind.value
    values["labels"] = list(message.labels)
    if "display_name" not in given["author"]:
        values["author"].pop("display_name")
    return {k: v for k, v in values.items() if k in given}


@settings(max_examples=600, deadline=None)
@given(lines())
def test_the_record_never_says_yes_where_the_model_says_no(raw: bytes) -> None:
    record = plain_record(raw)
    model = _model_verdict(raw)
    if record is not None:
        assert model is not None, raw
        assert dict(record) == _as_record(model, raw)
    elif model is not None:
        # The model accepted what the short cut left: only a NUL, or a line the cheap count
        # cannot clear of a repeated key, may send a good line the long way.
        keys = len(model.model_fields_set) + len(model.author.model_fields_set)
        assert b"\\u0000" in raw or b"\x00" in raw or may_repeat_a_key(raw, keys), raw


def test_a_nul_always_takes_the_long_way() -> None:
    good = json.loads(_GOOD)
    for field, value in (("text", "a\u0000b"), ("thread_id", "\u0000"), ("url", "x\u0000")):
        assert plain_record(json.dumps({**good, field: value}).encode()) is None
    assert plain_record(_GOOD.replace(b"Mill", b"Mi\x00ll")) is None
    assert plain_record(_GOOD) is not None


_GOOD = json.dumps({
    "platform": "x", "platform_id": "1", "account": "lewes-x", "kind": "dm",
    "author": {"platform_id": "u1", "handle": "@a"}, "text": "Mill Road bins",
    "received_at": "2026-03-02T10:00:00Z"}).encode()


# -- keys given twice ---------------------------------------------------------------------------

_SPACES = st.sampled_from(["", " ", "  ", "\t", " \t ", "\r"])


@st.composite
def objects_with_keys(draw: st.DrawFn) -> tuple[bytes, int, str | None]:
    """A JSON line of string keys (some maybe repeated, some spelt with \\u escapes) and
    values (some texts holding quotes and colons), with any JSON whitespace around the colons;
    how many keys it holds counted once each, and the first repeated key."""
    names = draw(st.lists(st.sampled_from(["platform", "kind", "text", "a:b"]), min_size=1, max_size=6))
    parts, seen, first = [], set(), None
    for name in names:
        spelt = json.dumps(name)
        if draw(st.booleans()):
            spelt = '"' + "".join(f"\\u{ord(c):04x}" for c in name) + '"'
        value = json.dumps(draw(st.sampled_from(["x", 'say ": this', '": "', "a\tb", "q\\"])))
        parts.append(f"{spelt}{draw(_SPACES)}:{draw(_SPACES)}{value}")
        if name in seen and first is None:
            first = name
        seen.add(name)
    return ("{" + ", ".join(parts) + "}").encode(), len(seen), first


@settings(max_examples=500, deadline=None)
@given(objects_with_keys())
def test_a_repeated_key_is_never_missed_by_the_count_and_found_exactly(
        case: tuple[bytes, int, str | None]) -> None:
    raw, distinct, first = case
    assert repeated_key(raw) == first
    if first is not None:
        assert may_repeat_a_key(raw, distinct), raw


@pytest.mark.parametrize(("raw", "keys", "may"), [
    (b'{"a": 1, "b": 2}', 2, False),
    (b'{"a":1,"b":2}', 2, False),
    (b'{"a" : 1, "b" :2}', 2, True),   # spaces before colons: the long way (rare, and exact)
    (b'{"a": 1, "a": 2}', 1, True),
    (b'{"a"  : 1, "b": 2}', 2, True),   # a space before a colon: not cleared
    (b'{"a": "x :y", "b": 2}', 2, True),  # even inside a text (the long way is exact)
    (b'{"a":\t1, "b": 2}', 2, True),  # a tab anywhere: not cleared
    (b'{"a": "he said \\": no", "b": 2}', 2, True),  # a quote and colon in a text: not cleared
])
def test_the_cheap_count(raw: bytes, keys: int, may: bool) -> None:
    assert may_repeat_a_key(raw, keys) is may


def test_a_line_with_a_repeated_key_takes_the_long_way() -> None:
    assert plain_record(_GOOD[:-1] + b', "account": "eastbourne-x"}') is None
    assert plain_record(_GOOD.replace(b'"handle"', b'"handle": "@b", "handle"')) is None


@pytest.mark.parametrize("received_at", [1772445600, 1772445600.5, "1772445600", " 17e8 "])
def test_a_number_is_not_a_date_time(received_at: object) -> None:
    raw = json.dumps({**json.loads(_GOOD), "received_at": received_at}).encode()
    assert plain_record(raw) is None and _model_verdict(raw) is None
