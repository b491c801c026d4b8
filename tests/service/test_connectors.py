"""The connectors file: strict, every problem named with file and field, secrets never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.policy import PolicyPack
from service.connectors import ConnectorsError, load_connectors, parse_connectors
from service.webhook import webhook_connectors

SECRET = "s3cret-" + "q" * 30


def _toml(url: str = "https://hooks.example.gov.uk/d", secret: str = SECRET,
          account: str = "lewes-x", extra: str = "") -> str:
    return f'[webhook.{account}]\nurl = "{url}"\nsecret = "{secret}"\n{extra}'


def test_a_good_file_gives_a_connector_per_account(lewes_pack: PolicyPack) -> None:
    config = parse_connectors(_toml(extra="timeout_seconds = 5.0\n")
                              + _toml(account="eastbourne-x", url="http://127.0.0.1:8080/h"),
                              "c.toml", lewes_pack)
    connectors = webhook_connectors(config)
    assert sorted(connectors) == ["eastbourne-x", "lewes-x"]
    assert connectors["lewes-x"].timeout == 5.0
    assert connectors["lewes-x"].describe() == "webhook https://hooks.example.gov.uk/d"
    assert SECRET not in repr(config) and SECRET not in repr(connectors)


@pytest.mark.parametrize(("text", "field", "reason"), [
    (_toml(url="http://hooks.example.gov.uk/d"), "webhook.lewes-x.url", "plain http"),
    (_toml(url="ftp://x/y"), "webhook.lewes-x.url", "https"),
    (_toml(url="https://user:pw@x/y"), "webhook.lewes-x.url", "password"),
    (_toml(secret="short"), "webhook.lewes-x.secret", "at least 32"),
    (_toml(extra="timeout_seconds = 25.0\n"), "webhook.lewes-x.timeout_seconds", "20"),
    (_toml(extra="timeout_seconds = '5'\n"), "webhook.lewes-x.timeout_seconds", "number"),
    (_toml(extra="secrett = 'x'\n"), "webhook.lewes-x.secrett", "Extra inputs"),
    (_toml(account="nowhere-x"), "webhook.nowhere-x", "no account with that id"),
    ("[slack.lewes-x]\nurl = 'x'\n", "slack", "Extra inputs"),
    ("[webhook.lewes-x\n", "(toml)", ""),
])
def test_a_bad_file_names_the_file_field_and_reason(lewes_pack: PolicyPack, text: str,
                                                   field: str, reason: str) -> None:
    with pytest.raises(ConnectorsError) as caught:
        parse_connectors(text, "conn.toml", lewes_pack)
    message = str(caught.value)
    assert message.startswith(f"conn.toml: {field}")
    assert reason in message


def test_a_short_secret_is_not_repeated_in_the_error(lewes_pack: PolicyPack) -> None:
    with pytest.raises(ConnectorsError) as caught:
        parse_connectors(_toml(secret="hunter2-hunter2"), "conn.toml", lewes_pack)
    assert "hunter2" not in str(caught.value)


def test_no_file_means_no_connectors_but_a_named_missing_file_is_an_error(
        lewes_pack: PolicyPack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("service.connectors.default_connectors_path", lambda: tmp_path / "none.toml")
    assert load_connectors(None, lewes_pack).webhook == {}
    with pytest.raises(ConnectorsError, match="missing.toml: \\(file\\)"):
        load_connectors(tmp_path / "missing.toml", lewes_pack)
    given = tmp_path / "c.toml"
    given.write_text(_toml(), encoding="utf-8")
    assert list(load_connectors(given, lewes_pack).webhook) == ["lewes-x"]
