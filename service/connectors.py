"""Connectors: what hands an outbox item to the platform, per account, and where they are
configured (outside the policy pack: a pack is shared, secrets are not).

The configuration is a TOML file: `--connectors PATH`, or `connectors.toml` in the user's
config folder (`dutydesk` under `platformdirs.user_config_dir`). One table per account:

    [webhook.lewes-x]                       # the account's id in the pack
    url = "https://hooks.example.gov.uk/dutydesk"
    secret = "a long random string shared with the receiver"
    timeout_seconds = 10                    # optional, 1 to 20

Unknown keys, unknown accounts, a URL that is not https (plain http only to this machine) and
a secret shorter than 32 characters are refused, every problem named with its file and field.
Secrets are held as `SecretStr`: never in a repr, a log line or an error message.
"""

from __future__ import annotations

import ipaddress
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Protocol
from urllib.parse import urlsplit

from platformdirs import user_config_dir
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SecretStr, ValidationError

from core.fields import field_path
from core.models import Message, OutboxItem
from core.policy import PolicyPack

CONNECTORS_FILE = "connectors.toml"


class DeliveryError(Exception):
    """A connector could not deliver. `permanent`: trying again will not help (the receiver
    refused the item); it then waits for a person. The text never holds a secret."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent


@dataclass(frozen=True)
class Delivery:
    """One attempt at one outbox item, as a connector receives it."""

    item: OutboxItem
    key: str
    """The item's idempotency key: the same on every attempt."""
    attempt: int
    """1 for the first attempt."""
    in_reply_to: Message | None
    """The message answered, when the item answers one and the store holds it."""


class Connector(Protocol):
    """Posts an item to a platform. `deliver` blocks (the worker runs it on a thread) and
    returns once the receiver accepted the item, or raises DeliveryError."""

    timeout: float
    """Seconds one attempt may take at most."""

    def describe(self) -> str:
        """Where it delivers, for the desk and `dutydesk outbox list` (no secrets)."""
        ...

    def deliver(self, delivery: Delivery) -> None: ...


def _web_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("must be an https:// URL with a host")
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise ValueError("plain http is allowed only to this machine (localhost); use https")
    if parts.username or parts.password:
        raise ValueError("must not hold a user name or password (use the secret)")
    return url


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class WebhookSettings(BaseModel):
    """One account's signed webhook."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    url: Annotated[str, AfterValidator(_web_url)]
    """Where items are POSTed: https, or http to this machine only."""
    secret: SecretStr = Field(min_length=32)
    """The HMAC-SHA256 key shared with the receiver (at least 32 characters)."""
    timeout_seconds: float = Field(default=10.0, ge=1.0, le=20.0)
    """How long one attempt may take before it counts as failed."""


class ConnectorsConfig(BaseModel):
    """The connectors file: which accounts deliver where."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    webhook: dict[str, WebhookSettings] = {}
    """Signed outbound webhooks, by account id."""


class ConnectorsError(Exception):
    """The connectors file is wrong; `problems` names each fault as file: field: reason."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def default_connectors_path() -> Path:
    return Path(user_config_dir("dutydesk")) / CONNECTORS_FILE


def parse_connectors(text: str, file: str, pack: PolicyPack) -> ConnectorsConfig:
    """Validate TOML `text` against `pack`'s accounts; ConnectorsError listing every fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConnectorsError([f"{file}: (toml): {exc}"]) from None
    try:
        config = ConnectorsConfig.model_validate(data)
    except ValidationError as exc:
        # Only where and why: pydantic's `input` could be a secret.
        raise ConnectorsError([f"{file}: {field_path(e['loc'])}: {e['msg']}"
                               for e in exc.errors(include_url=False)]) from None
    known = {a.id for a in pack.accounts}
    unknown = [f"{file}: webhook.{name}: no account with that id in the pack "
               f"(accounts: {', '.join(sorted(known))})" for name in config.webhook if name not in known]
    if unknown:
        raise ConnectorsError(unknown)
    return config


def load_connectors(path: Path | None, pack: PolicyPack) -> ConnectorsConfig:
    """The file at `path` (which must exist), or the default one if there is one; with neither,
    no connectors (every item then waits, shown as "no connector")."""
    chosen = path if path is not None else default_connectors_path()
    if path is None and not chosen.exists():
        return ConnectorsConfig()
    try:
        text = chosen.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConnectorsError([f"{chosen}: (file): {exc}"]) from None
    return parse_connectors(text, str(chosen), pack)
