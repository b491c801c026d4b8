"""Before the reply editor opens: whether a colleague holds the message (and whether the
officer may take it over), and what the editor starts from: the officer's kept draft or the
suggested template, the pack's templates, and the warnings to show."""

from __future__ import annotations

from datetime import datetime

from core.emergency import EmergencyError
from core.handling import HandlingError, local_when
from core.models import Message
from core.permissions import NotAuthorisedError
from core.posts import PostError
from service.desk import DeskError, DeskSession
from tui.screens.choice import Choice, ChoiceScreen
from tui.screens.reply import ReplyContext
from tui.widgets.header import desk_zone
from tui.widgets.safe_text import one_line
from tui.widgets.sidebar import account_label

#: Refusals carry the text to show the officer; anything else is a fault.
REFUSALS = (DeskError, HandlingError, NotAuthorisedError, EmergencyError, PostError)


def colleague_holding(session: DeskSession, m: Message) -> str | None:
    """The id of the colleague holding `m` while it waits, or None (nobody, or the officer)."""
    if m.claimed_by in (None, session.officer.id) or not m.state.awaiting_response:
        return None
    return m.claimed_by


def claim_question(session: DeskSession, m: Message) -> ChoiceScreen | None:
    """The question to ask before the editor opens when a colleague holds `m`: take it over
    (for a role that may) or write a draft anyway; None when nobody else holds it."""
    holder = colleague_holding(session, m)
    if holder is None:
        return None
    name = session.officer_name(holder)
    since = ""
    if m.state_at is not None:
        since = f" since {local_when(m.state_at, session.clock.now(), desk_zone(session))}"
    lines = [f"{name} has claimed this message{since}: a reply from you is refused while "
             "they hold it."]
    choices = []
    if session.may_take_over(m):
        choices.append(Choice("t", "Take it over and reply", "take"))
    else:
        lead = session.pack.role(session.pack.first_response.escalate_to).title
        lines.append(f"Ask {name}, or the {lead}, who may take it over.")
    choices.append(Choice("d", "Write a draft anyway", "draft"))
    return ChoiceScreen(f"{name} holds this message", lines, choices, id="claimed")


async def reply_context(session: DeskSession, m: Message, now: datetime,
                        held: bool = False) -> ReplyContext:
    """What the editor starts from for `m` at `now`; `held`: a colleague holds it (said)."""
    saved = await session.saved_draft(m.id)
    template = None if saved is not None else session.suggested_template(m)
    where = account_label(session, m.account)
    # core.lane: a private message to someone who may be a child (Lewes 5.1, L-L 10.1) first.
    child = session.reply_warning(m)
    warnings = [child] if child else []
    if not session.is_open(m.account, now):
        opening = session.opening(m.account, now).describe(now, desk_zone(session, m.account),
                                                           short=True)
        warnings.append(f"{where} is {opening}: this reply goes out outside the account's "
                        "opening hours.")
    holder = colleague_holding(session, m)
    if held and holder is not None:
        warnings.append(f"{session.officer_name(holder)} holds this message: sending is refused "
                        "until it is released or taken over (your draft is kept).")
    return ReplyContext(
        message=m, where=where, text=saved if saved is not None else session.draft(m),
        from_draft=saved is not None,
        templates=[(t.id, one_line(t.title, 60)) for t in session.pack.templates],
        template=template, fill=lambda tid: session.draft(m, tid), signed=session.signed,
        length=lambda body: session.reply_length(m, body), warnings=warnings)
