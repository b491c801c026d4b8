"""What a person does with the outbox: see where each item stands and retry one that failed.

Retrying needs the officer to be on the register and allowed to reply on the item's account
(`core.permissions`, the same rule as sending the reply in the first place). A held item is not
retried here: the freeze's review releases it.
"""

from __future__ import annotations

from datetime import datetime

from core.delivery import DeliveryState, delivery_state
from core.models import Action, Notification, NotificationLevel, OutboxItem
from core.permissions import authorised_officer, require
from core.policy import Permission, PolicyPack
from storage.base import Store


class RetryRefusedError(Exception):
    """The item cannot be retried (sent already, or held); the text says why."""


async def retry_item(store: Store, pack: PolicyPack, officer_id: str, item_id: int,
                     now: datetime) -> OutboxItem:
    """Send item `item_id` again at once (its backoff starts afresh), recorded with who and
    when; NotAuthorisedError, RetryRefusedError or NotFoundError otherwise."""
    officer = authorised_officer(pack, officer_id, now)
    item = await store.outbox_item(item_id)
    require(pack, officer, Permission.REPLY, item.account)
    state = delivery_state(item)
    if state in (DeliveryState.SENT, DeliveryState.HELD):
        why = "it was sent" if state is DeliveryState.SENT else f"it is held ({item.hold_reason or 'no reason given'})"
        raise RetryRefusedError(f"outbox item {item_id} is not retried: {why}")
    action = Action(at=now, actor=officer.id, verb="outbox_retried", message_id=item.in_reply_to,
                    account=item.account, detail={"item": item_id, "attempts": item.attempts,
                                                  "last_error": item.last_error})
    notice = Notification(at=now, level=NotificationLevel.INFO, kind="delivery_retried",
                          title=f"{officer.name} retried outbox item {item_id} on {item.account}",
                          message_id=item.in_reply_to, account=item.account)
    if not await store.retry_outbox(item_id, [action], [notice]):
        raise RetryRefusedError(f"outbox item {item_id} is not retried: it was sent or held meanwhile")
    return await store.outbox_item(item_id)
