"""The pure rules of delivery: states, backoff, keys, the webhook body and its signature."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest

from core.delivery import (
    BACKOFF,
    DeliveryState,
    delivery_state,
    idempotency_key,
    retry_delay,
    sign,
    verify_signature,
    webhook_body,
    webhook_payload,
)
from core.models import OutboxItem

T0 = datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
ITEM = OutboxItem(id=7, created_at=T0, account="lewes-x", kind="reply", text="Thanks — we’re on it",
                  in_reply_to=3, created_by="asmith")


@pytest.mark.parametrize(("changes", "state"), [
    ({}, DeliveryState.QUEUED),
    ({"attempts": 2}, DeliveryState.RETRYING),
    ({"no_connector": True}, DeliveryState.NO_CONNECTOR),
    ({"no_connector": True, "attempts": 1}, DeliveryState.NO_CONNECTOR),
    ({"failed_at": T0, "no_connector": True}, DeliveryState.FAILED),
    ({"held": True, "failed_at": T0}, DeliveryState.HELD),
    ({"held": True, "sent_at": T0}, DeliveryState.SENT),
    ({"sent_at": T0, "attempts": 3}, DeliveryState.SENT),
])
def test_delivery_state(changes: dict, state: DeliveryState) -> None:
    assert delivery_state(ITEM.model_copy(update=changes)) is state


@pytest.mark.parametrize(("attempts", "delay"), [
    (1, timedelta(seconds=30)),
    (2, timedelta(minutes=1)),
    (3, timedelta(minutes=2)),
    (4, timedelta(minutes=5)),
    (9, timedelta(hours=1)),
    (10, None),
    (50, None),
])
def test_retry_delay_grows_then_gives_up(attempts: int, delay: timedelta | None) -> None:
    assert retry_delay(attempts) == delay


def test_backoff_only_grows_and_attempts_start_at_one() -> None:
    assert list(BACKOFF) == sorted(BACKOFF)
    with pytest.raises(ValueError):
        retry_delay(0)


@pytest.mark.parametrize(("store", "item"), [("", 1), ("abc", 0), ("abc", -1)])
def test_idempotency_key_needs_a_store_and_an_id(store: str, item: int) -> None:
    with pytest.raises(ValueError):
        idempotency_key(store, item)


def test_idempotency_key_is_per_store_and_item() -> None:
    assert idempotency_key("abc", 7) == idempotency_key("abc", 7) == "dutydesk:abc:7"
    assert len({idempotency_key("abc", 7), idempotency_key("abd", 7), idempotency_key("abc", 8)}) == 3


def test_body_holds_the_contract_fields_exactly_and_stably() -> None:
    body = webhook_body(webhook_payload(ITEM, "dutydesk:abc:7", None))
    assert body == webhook_body(webhook_payload(ITEM, "dutydesk:abc:7", None))
    decoded = json.loads(body)
    assert decoded == {"id": 7, "idempotency_key": "dutydesk:abc:7", "account": "lewes-x",
                       "kind": "reply", "text": "Thanks — we’re on it", "in_reply_to": 3,
                       "in_reply_to_message": None, "created_by": "asmith",
                       "created_at": "2026-03-30T09:00:00+00:00"}
    assert "we’re".encode() in body  # UTF-8, not escaped


def test_an_unstored_item_has_no_body() -> None:
    with pytest.raises(ValueError, match="stored"):
        webhook_payload(ITEM.model_copy(update={"id": None}), "k", None)


def test_signature_is_hmac_sha256_over_timestamp_dot_body() -> None:
    body, secret = b'{"a":1}', b"s" * 32
    expected = hmac.new(secret, b"1700000000." + body, hashlib.sha256).hexdigest()
    assert sign(secret, 1700000000, body) == f"sha256={expected}"


@pytest.mark.parametrize(("secret", "stamp", "body", "age", "ok"), [
    (b"k" * 32, None, b"{}", 0, True),
    (b"k" * 32, None, b"{}", 299, True),
    (b"k" * 32, None, b"{}", 301, False),        # a replay, too old
    (b"k" * 32, None, b"{}", -301, False),       # from the future
    (b"other" * 8, None, b"{}", 0, False),       # wrong secret
    (b"k" * 32, None, b"{ }", 0, False),         # body changed
    (b"k" * 32, "12x", b"{}", 0, False),         # not a number
])
def test_verify_signature(secret: bytes, stamp: str | None, body: bytes, age: int, ok: bool) -> None:
    sent = int(T0.timestamp())
    signature = sign(b"k" * 32, sent, b"{}")
    now = T0 + timedelta(seconds=age)
    assert verify_signature(secret, stamp or str(sent), body, signature, now) is ok
