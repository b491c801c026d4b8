"""How long a reply may be on each network, and how it is counted; whether a reply goes out
while its account is closed. Pure: the text and the account are passed in.

A reply longer than its network allows would be refused by the network after the officer
thought it sent, so `check_length` is enforced before a reply reaches the outbox
(`service.desk.DeskSession.reply`), and the reply editor shows the count as it is typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import MessageKind, Platform


@dataclass(frozen=True)
class ReplyLimit:
    """The longest reply a network takes, with where the figure comes from."""

    characters: int
    """The most characters (as `reply_length` counts them) a reply may have."""
    source: str
    """Where the figure comes from: the network's own documentation, or a third-party guide
    when the network publishes none (said so, to be checked against the network)."""


#: Public replies and comments, by network.
PUBLIC_LIMITS: dict[Platform, ReplyLimit] = {
    Platform.X: ReplyLimit(280, "X developer documentation, 'Counting characters' (standard "
                                "accounts; a link counts 23, CJK and emoji count 2)"),
    Platform.MASTODON: ReplyLimit(500, "Mastodon's default server limit (a server may set "
                                       "another; a link counts 23)"),
    Platform.INSTAGRAM: ReplyLimit(2200, "Instagram: captions and comments up to 2,200 characters"),
    Platform.FACEBOOK: ReplyLimit(8000, "third-party guides (typecount.com, postonce.to): "
                                        "comments up to 8,000 characters; Meta publishes no "
                                        "figure, so check it"),
    Platform.LINKEDIN: ReplyLimit(1250, "third-party guides (linkedinpreview.com, "
                                        "socialrails.com): comments up to 1,250 characters; "
                                        "LinkedIn publishes no figure, so check it"),
}

#: Direct messages, by network, where they differ from a public reply.
DIRECT_LIMITS: dict[Platform, ReplyLimit] = {
    Platform.X: ReplyLimit(10000, "X Help Center, 'About Direct Messages': up to 10,000 characters"),
    Platform.INSTAGRAM: ReplyLimit(1000, "third-party guides: Instagram direct messages up to "
                                         "1,000 characters; check it"),
    Platform.FACEBOOK: ReplyLimit(20000, "third-party guides (typecount.com): Messenger messages "
                                         "up to 20,000 characters; check it"),
    Platform.LINKEDIN: ReplyLimit(8000, "third-party guides (linkedinpreview.com): messages up "
                                        "to 8,000 characters; check it"),
}

#: A reply this close to its limit (or closer) is shown as a warning in the editor.
WARN_WITHIN = 20

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
#: Links count as this many characters on X and Mastodon, however long they are.
_LINK_LENGTH = 23

#: X counts a character as 1 in these code-point ranges (Latin and common punctuation) and 2
#: elsewhere (CJK, emoji and the rest), as its published counting rules say.
_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


def reply_limit(platform: Platform, kind: MessageKind) -> ReplyLimit:
    """The limit for a reply to a message of `kind` on `platform`."""
    if kind is MessageKind.DIRECT_MESSAGE and platform in DIRECT_LIMITS:
        return DIRECT_LIMITS[platform]
    return PUBLIC_LIMITS[platform]


def reply_length(text: str, platform: Platform) -> int:
    """How many characters `text` counts as on `platform`: code points, except that X and
    Mastodon count every link as 23 and X counts characters outside Latin ranges as 2."""
    if platform not in (Platform.X, Platform.MASTODON):
        return len(text)
    links = _URL.findall(text)
    rest = _URL.sub("", text)
    if platform is Platform.MASTODON:
        return len(rest) + _LINK_LENGTH * len(links)
    return sum(_x_weight(ch) for ch in rest) + _LINK_LENGTH * len(links)


def _x_weight(ch: str) -> int:
    point = ord(ch)
    return 1 if any(lo <= point <= hi for lo, hi in _X_LIGHT) else 2


@dataclass(frozen=True)
class LengthCheck:
    """A reply's length against its network's limit."""

    length: int
    limit: ReplyLimit
    platform: Platform

    @property
    def over(self) -> int:
        """Characters past the limit (0 when it fits)."""
        return max(0, self.length - self.limit.characters)

    @property
    def near(self) -> bool:
        """Whether it fits but is within WARN_WITHIN of the limit."""
        return not self.over and self.limit.characters - self.length <= WARN_WITHIN

    def describe(self) -> str:
        """`143 / 280 characters on X` (with `: 12 too many` when over)."""
        text = f"{self.length:,} / {self.limit.characters:,} characters on {_NAMES[self.platform]}"
        return f"{text}: {self.over:,} too many" if self.over else text


_NAMES = {Platform.X: "X", Platform.MASTODON: "Mastodon", Platform.INSTAGRAM: "Instagram",
          Platform.FACEBOOK: "Facebook", Platform.LINKEDIN: "LinkedIn"}


def check_length(signed_text: str, platform: Platform, kind: MessageKind) -> LengthCheck:
    """`signed_text` (the reply as it will be sent, signature included) against the limit."""
    return LengthCheck(reply_length(signed_text, platform), reply_limit(platform, kind), platform)
