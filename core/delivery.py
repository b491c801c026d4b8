"""The pure rules of outbox delivery: where an item stands, when to try it again, its
idempotency key, and the signed webhook's body and signature.

No I/O and no clock: `now` and secrets are parameters. The worker that uses these lives in
`service.delivery`; the webhook connector in `service.webhook`.

The webhook contract (also in the README):

* `POST` to the account's URL, `Content-Type: application/json`, the body as built by
  `webhook_body` (UTF-8 JSON, keys sorted, no spaces);
* `Idempotency-Key: <key>`: the same for every attempt at one item, so a receiver that has
  seen it answers 2xx again without posting twice;
* `X-Dutydesk-Timestamp: <unix seconds>`: when this attempt was signed;
* `X-Dutydesk-Signature: sha256=<hex>`: HMAC-SHA256 with the account's secret over
  `<timestamp>.` followed by the exact body bytes (`signature_base`). A receiver recomputes it,
  compares in constant time and refuses a timestamp older than a few minutes (a replay).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from core.models import Message, OutboxItem

SIGNATURE_HEADER = "X-Dutydesk-Signature"
TIMESTAMP_HEADER = "X-Dutydesk-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"
ATTEMPT_HEADER = "X-Dutydesk-Attempt"
SIGNATURE_PREFIX = "sha256="

#: Waits after the 1st, 2nd, ... failed attempt. The first is longer than any connector's
#: timeout and overrun (at most 20 + 5 seconds), so an attempt still running (a worker that
#: lost its lease) is not overtaken by the next engine's.
BACKOFF: tuple[timedelta, ...] = tuple(
    timedelta(seconds=s) for s in (30, 60, 120, 300, 600, 1200, 1800, 3600, 3600))
"""After the last of these fails too (10 attempts, about 3 hours), delivery gives up and the
item waits for a person to retry it."""

#: How old a signed timestamp a receiver should still accept (`verify_signature`'s default).
REPLAY_WINDOW = timedelta(minutes=5)


class DeliveryState(StrEnum):
    """Where one outbox item stands, as the desk and `dutydesk outbox` say it."""

    QUEUED = "queued"
    RETRYING = "retrying"
    NO_CONNECTOR = "no connector"
    HELD = "held"
    FAILED = "failed"
    SENT = "sent"


def delivery_state(item: OutboxItem) -> DeliveryState:
    """The state of `item`: sent beats held beats failed beats no connector beats retrying."""
    if item.sent_at is not None:
        return DeliveryState.SENT
    if item.held:
        return DeliveryState.HELD
    if item.failed_at is not None:
        return DeliveryState.FAILED
    if item.no_connector:
        return DeliveryState.NO_CONNECTOR
    return DeliveryState.RETRYING if item.attempts else DeliveryState.QUEUED


def retry_delay(attempts: int) -> timedelta | None:
    """How long to wait after `attempts` failed attempts; None when delivery should give up."""
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    return BACKOFF[attempts - 1] if attempts <= len(BACKOFF) else None


def idempotency_key(store_id: str, item_id: int) -> str:
    """The key of one outbox item: the store's identity and the item's id, so it is the same on
    every attempt and from every engine, and two stores never share one."""
    if not store_id or item_id < 1:
        raise ValueError(f"need a store id and a positive item id, got {store_id!r}, {item_id!r}")
    return f"dutydesk:{store_id}:{item_id}"


def _reply_target(message: Message | None) -> dict[str, Any] | None:
    if message is None:
        return None
    return {"platform": message.platform.value, "platform_id": message.platform_id,
            "thread_id": message.thread_id, "url": message.url,
            "author_platform_id": message.author.platform_id}


def webhook_payload(item: OutboxItem, key: str, in_reply_to: Message | None) -> dict[str, Any]:
    """What the webhook posts about `item` (see the module docstring for the contract)."""
    if item.id is None:
        raise ValueError("an outbox item must be stored (have an id) before it is delivered")
    return {"id": item.id, "idempotency_key": key, "account": item.account, "kind": item.kind,
            "text": item.text, "in_reply_to": item.in_reply_to,
            "in_reply_to_message": _reply_target(in_reply_to), "created_by": item.created_by,
            "created_at": item.created_at.isoformat()}


def webhook_body(payload: dict[str, Any]) -> bytes:
    """The exact bytes posted (and signed): UTF-8 JSON, keys sorted, no spaces."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def signature_base(timestamp: int, body: bytes) -> bytes:
    """What is signed: the timestamp, a dot, then the body exactly as sent."""
    return str(int(timestamp)).encode("ascii") + b"." + body


def sign(secret: bytes, timestamp: int, body: bytes) -> str:
    """The signature header's value: `sha256=` and the hex HMAC-SHA256 of `signature_base`."""
    digest = hmac.new(secret, signature_base(timestamp, body), hashlib.sha256).hexdigest()
    return SIGNATURE_PREFIX + digest


def verify_signature(secret: bytes, timestamp: str, body: bytes, signature: str, now: datetime,
                     window: timedelta = REPLAY_WINDOW) -> bool:
    """Whether a received webhook is genuine and fresh: what a receiver does, in Python."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    if abs(now.timestamp() - sent) > window.total_seconds():
        return False
    return hmac.compare_digest(sign(secret, sent, body), signature)
