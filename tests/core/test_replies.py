"""Reply lengths per network: the limits, how each network counts, and the wording."""

from __future__ import annotations

import pytest

from core.models import MessageKind, Platform
from core.replies import PUBLIC_LIMITS, check_length, reply_length, reply_limit

COMMENT, DM = MessageKind.COMMENT, MessageKind.DIRECT_MESSAGE


@pytest.mark.parametrize(
    ("platform", "kind", "limit"),
    [
        (Platform.X, COMMENT, 280),
        (Platform.X, MessageKind.MENTION, 280),
        (Platform.MASTODON, COMMENT, 500),
        (Platform.MASTODON, DM, 500),
        (Platform.INSTAGRAM, COMMENT, 2200),
        (Platform.FACEBOOK, COMMENT, 8000),
        (Platform.LINKEDIN, COMMENT, 1250),
        (Platform.X, DM, 10000),
        (Platform.INSTAGRAM, DM, 1000),
    ],
)
def test_each_network_has_its_limit(platform: Platform, kind: MessageKind, limit: int) -> None:
    assert reply_limit(platform, kind).characters == limit


def test_every_network_has_a_limit_with_a_source() -> None:
    for platform in Platform:
        assert PUBLIC_LIMITS[platform].source


def test_figures_no_network_publishes_say_so() -> None:
    for platform in (Platform.FACEBOOK, Platform.LINKEDIN):
        assert "third-party" in PUBLIC_LIMITS[platform].source


@pytest.mark.parametrize(
    ("text", "platform", "length"),
    [
        ("hello", Platform.X, 5),
        ("hello", Platform.FACEBOOK, 5),
        ("see https://www.lewes-eastbourne.gov.uk/bins/collections/changes", Platform.X, 4 + 23),
        ("see https://www.lewes-eastbourne.gov.uk/bins/collections/changes", Platform.MASTODON, 27),
        ("see https://www.lewes-eastbourne.gov.uk/bins", Platform.FACEBOOK, 44),
        ("漢字", Platform.X, 4),
        ("漢字", Platform.INSTAGRAM, 2),
        ("👍", Platform.X, 2),
        ("café – “quoted”", Platform.X, 15),
    ],
)
def test_how_each_network_counts(text: str, platform: Platform, length: int) -> None:
    assert reply_length(text, platform) == length


@pytest.mark.parametrize(
    ("n", "over", "near", "words"),
    [
        (100, 0, False, "100 / 280 characters on X"),
        (265, 0, True, "265 / 280 characters on X"),
        (280, 0, True, "280 / 280 characters on X"),
        (292, 12, False, "292 / 280 characters on X: 12 too many"),
    ],
)
def test_the_check_against_the_limit(n: int, over: int, near: bool, words: str) -> None:
    check = check_length("x" * n, Platform.X, COMMENT)
    assert (check.over, check.near, check.describe()) == (over, near, words)
