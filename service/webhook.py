"""The signed outbound webhook: POSTs each outbox item as JSON to the account's URL, signed
with HMAC-SHA256 (the contract is in `core.delivery` and the README).

Standard library only (`urllib.request`), blocking, with the account's timeout; the delivery
worker runs it on a thread. Redirects are not followed (a signed POST must reach the URL it was
configured for). What the receiver's answer means:

* 2xx: delivered (a receiver answers 2xx again for a key it has seen);
* 408, 425, 429, 5xx, a timeout or a network error: tried again after the backoff;
* any other status (400, 401, 403, 404, 3xx ...): refused; waits for a person.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Mapping
from datetime import datetime

from core.delivery import (
    ATTEMPT_HEADER,
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign,
    webhook_body,
    webhook_payload,
)
from core.clock import Clock
from service.clock import SystemClock
from service.connectors import Connector, ConnectorsConfig, Delivery, DeliveryError, WebhookSettings

USER_AGENT = "dutydesk-webhook/1"
_RETRY_STATUSES = frozenset({408, 425, 429})
#: How much of a refusal's body is kept as its reason (it is shown on the desk, as plain text).
_REASON_BYTES = 200


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # urllib then raises the 3xx as an HTTPError


_OPENER = urllib.request.build_opener(_NoRedirects())


def request_for(settings: WebhookSettings, delivery: Delivery, now: datetime) -> urllib.request.Request:
    """The signed POST for one attempt, signed at `now`."""
    body = webhook_body(webhook_payload(delivery.item, delivery.key, delivery.in_reply_to))
    timestamp = int(now.timestamp())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        IDEMPOTENCY_HEADER: delivery.key,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: sign(settings.secret.get_secret_value().encode("utf-8"), timestamp, body),
        ATTEMPT_HEADER: str(delivery.attempt),
    }
    return urllib.request.Request(settings.url, data=body, headers=headers, method="POST")


def _refusal(exc: urllib.error.HTTPError) -> DeliveryError:
    try:
        said = exc.read(_REASON_BYTES).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - the status alone is reason enough
        said = ""
    reason = f"HTTP {exc.code} {exc.reason}" + (f": {said}" if said.strip() else "")
    permanent = not (exc.code >= 500 or exc.code in _RETRY_STATUSES)
    return DeliveryError(reason, permanent=permanent)


class WebhookConnector:
    """Delivers to one account's webhook."""

    def __init__(self, settings: WebhookSettings, clock: Clock | None = None) -> None:
        self.settings = settings
        self.timeout = settings.timeout_seconds
        # The receiver compares the signed timestamp with its own clock, so it is the real
        # time, not the desk's (the demo runs on a simulated day).
        self.clock: Clock = clock or SystemClock()

    def __repr__(self) -> str:
        return f"WebhookConnector({self.describe()!r})"

    def describe(self) -> str:
        return f"webhook {self.settings.url}"

    def deliver(self, delivery: Delivery) -> None:
        request = request_for(self.settings, delivery, self.clock.now())
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                response.read(_REASON_BYTES)
        except urllib.error.HTTPError as exc:
            raise _refusal(exc) from None
        except (TimeoutError, socket.timeout):
            raise DeliveryError(f"no answer within {self.timeout:g} seconds") from None
        except urllib.error.URLError as exc:
            raise DeliveryError(f"could not reach the webhook: {exc.reason}") from None
        except OSError as exc:
            raise DeliveryError(f"connection failed: {exc}") from None


def webhook_connectors(config: ConnectorsConfig) -> Mapping[str, Connector]:
    """A connector per account configured in `config`."""
    return {account: WebhookConnector(settings) for account, settings in config.webhook.items()}
