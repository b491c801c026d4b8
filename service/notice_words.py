"""How the engine's notices name a message: its platform, its author, its first words.

Shared by every kind of event the engine fires (`service.firing`, `service.statutory_firing`,
`service.opening`, `service.publishing`).
"""

from __future__ import annotations

from core.models import Message, Platform

#: Who the engine's log lines are by.
ENGINE_ACTOR = "engine"

PLATFORM_NAMES = {Platform.X: "X", Platform.FACEBOOK: "Facebook", Platform.INSTAGRAM: "Instagram",
                  Platform.MASTODON: "Mastodon", Platform.LINKEDIN: "LinkedIn"}

#: How much of the message a notification quotes: enough to recognise it, not to read it.
FIRST_WORDS = 12
FIRST_CHARS = 80


def first_words(text: str, words: int = FIRST_WORDS, chars: int = FIRST_CHARS) -> str:
    """The opening words of `text` on one line, with an ellipsis if anything was cut."""
    parts = text.split()
    short = " ".join(parts[:words])
    if len(short) > chars:
        short = short[:chars].rstrip()
    cut = len(short) < len(" ".join(parts))
    return short + "…" if cut else short


def author_label(message: Message) -> str:
    """How a notification names the author: the @handle, else the display name, else the id."""
    author = message.author
    handle = author.handle.strip()
    if handle:
        return handle if handle.startswith("@") else f"@{handle}"
    return author.display_name.strip() or author.platform_id
