"""Re-timing the first-response clocks of emergency-related messages (`core.emergency`).

While an emergency is declared, messages labelled `emergency_related` run on the extended hours
with the pack's tighter target; when it is resolved they go back to the normal calendar. The
rule is `core.emergency.related_deadlines`; the service hands it to the store as a `Retime`, and
the store applies it, in the same transaction as the declaration or resolution (or in one
`Store.retime_related` transaction for messages that arrive while one is declared), to each
message still awaiting a first response. Events already fired stay fired: each warning and the
breach still fires at most once, at the stored time it has when the engine reaches it.
"""

from __future__ import annotations

from collections.abc import Callable

from core.emergency import EMERGENCY_LABEL, Incident
from core.models import Message
from core.sla import Deadlines

#: The rule: a message's deadlines given the declared emergency (None: leave it as it is).
Retime = Callable[[Message, Incident | None], Deadlines | None]

#: What the store looks for (the label, as stored in the labels JSON).
RELATED_LABEL = EMERGENCY_LABEL


def retimed(message: Message, incident: Incident | None, retime: Retime) -> Message | None:
    """`message` with the deadlines `retime` gives it, or None if they stand as stored (or its
    clock has stopped, or the rule leaves it alone)."""
    if (RELATED_LABEL not in message.labels or not message.state.awaiting_response
            or message.responded_at is not None):
        return None
    due = retime(message, incident)
    if due is None or (due.due_at, due.warning_1_at, due.warning_2_at) == (
            message.due_at, message.warning_1_at, message.warning_2_at):
        return None
    return message.model_copy(update={"due_at": due.due_at, "warning_1_at": due.warning_1_at,
                                      "warning_2_at": due.warning_2_at})
