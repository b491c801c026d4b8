"""The officer's posts and emergencies: schedule, edit, cancel and release posts; declare and
resolve an emergency; write, approve and refuse crisis updates.

Every action checks the officer in `core` (`core.emergency`, `core.permissions`) before it
touches the store, and is logged with the officer's id in the same transaction as the change.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from core.emergency import (
    EmergencyError,
    Incident,
    check_approver,
    check_crisis_author,
    check_post_writer,
    check_resolve,
    declaration,
    extended_hours_statement,
    normal_hours_statement,
)
from core.models import Action, Notification, NotificationLevel, OutboxItem
from core.policy import Permission
from core.posts import (
    EDITABLE,
    OUTBOX_KINDS,
    RELEASABLE,
    Post,
    PostChange,
    PostError,
    PostKind,
    PostState,
    check_text,
    check_time,
)
from service.desk import DeskSession
from service.firing import first_words, related_rule
from service.publishing import post_detail

#: What each view of the posts screen lists.
VIEWS: dict[str, frozenset[PostState]] = {
    "approval": frozenset({PostState.AWAITING_APPROVAL}),
    "review": frozenset({PostState.HELD, PostState.REVIEW, PostState.FROZEN}),
    "scheduled": frozenset({PostState.SCHEDULED, PostState.FROZEN, PostState.HELD, PostState.REVIEW,
                            PostState.AWAITING_APPROVAL}),
    "all": frozenset(PostState),
}


class CrisisDesk:
    """Posts and emergencies for the officer of `session`."""

    def __init__(self, session: DeskSession) -> None:
        self.session = session
        self.store = session.store
        self.pack = session.pack
        self.officer = session.officer
        self.incident: Incident | None = None
        """The declared emergency as last read (`refresh`)."""

    # -- reading ---------------------------------------------------------------------------------
    def _keep(self, incident: Incident | None) -> Incident | None:
        """Keep the declared emergency here and on the session: its countdowns run on the
        extended hours, and its queue lets emergency_related messages rise (`emergency_active`,
        the queue's flag)."""
        self.incident = self.session.incident = incident
        self.session.emergency_active = incident is not None
        return incident

    async def refresh(self) -> Incident | None:
        """Read the declared emergency (None if none) and keep it."""
        return self._keep(await self.store.active_incident())

    async def posts(self, view: str = "scheduled", limit: int = 500) -> list[Post]:
        """The posts of one view on the officer's accounts."""
        return await self.store.posts(VIEWS[view], self.session.visible_accounts, limit)

    async def timeline(self, incident_id: int, freeze_lines: int | None = None,
                       limit: int | None = None) -> tuple[Incident, list[Action]]:
        """The incident and its record, oldest first (all of it by default, as the export
        writes it); a screen passes `freeze_lines` (at most that many of the per-post freeze
        lines: it folds the rest) and a `limit`."""
        incident = await self.store.get_incident(incident_id)
        return incident, await self.store.incident_timeline(incident, limit=limit, freeze_lines=freeze_lines)

    async def quiet_accounts(self, now: datetime) -> list[str]:
        """The officer's accounts with nothing posted or scheduled today (the policies expect
        corporate accounts to post daily)."""
        midnight = now.astimezone(self.pack.zone).replace(hour=0, minute=0, second=0, microsecond=0)
        busy = await self.store.posted_today(midnight)
        return [a for a in self.session.visible_accounts if a not in busy]

    def statement(self, incident: Incident, now: datetime, account: str | None = None) -> str:
        """The public statement the desk drafts: extended hours while the emergency lasts, the
        normal hours resuming after it."""
        if account is None:
            account = (self.session.visible_accounts or (self.pack.accounts[0].id,))[0]
        hours = self.pack.hours_for(account)
        if incident.active:
            return extended_hours_statement(self.pack, incident, hours, now)
        return normal_hours_statement(self.pack, incident, hours, now)

    # -- scheduled posts -------------------------------------------------------------------------
    def _action(self, now: datetime, verb: str, post: Post, **extra: object) -> Action:
        return Action(at=now, actor=self.officer.id, verb=verb, account=post.account,
                      detail=post_detail(post, **extra))

    def _known(self, account: str) -> str:
        if account not in {a.id for a in self.pack.accounts}:
            raise PostError(f"no account {account!r} in the pack: use one of "
                            f"{', '.join(self.session.visible_accounts)}")
        return account

    async def schedule(self, account: str, text: str, at: datetime) -> Post:
        """Schedule a post on `account` at `at` (frozen at once if an emergency is declared)."""
        self._known(account)
        check_post_writer(self.pack, self.officer, account)
        now = self.session.clock.now()
        body = check_text(text, self.pack.account(account).platform)
        post = Post(account=account, kind=PostKind.SCHEDULED, text=body, publish_at=check_time(at, now),
                    state=PostState.SCHEDULED, created_by=self.officer.id, created_at=now)
        return await self.store.add_post(post, [self._action(now, "post_scheduled", post, at=at.isoformat())])

    async def _change(self, post_id: int, verb: str, expect: frozenset[PostState], **change: object) -> Post:
        post = await self.store.get_post(post_id)
        check_post_writer(self.pack, self.officer, post.account)
        now = self.session.clock.now()
        pc = PostChange(post_id=post_id, by=self.officer.id, at=now, expect_from=expect, **change)
        detail = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in change.items()
                  if k in ("text", "publish_at", "note")}
        return await self.store.change_post(pc, [self._action(now, verb, post, **detail)])

    async def edit(self, post_id: int, text: str | None = None, at: datetime | None = None) -> Post:
        """Change a post's text or time (it keeps its state: a frozen post stays frozen)."""
        post = await self.store.get_post(post_id)
        body = None if text is None else check_text(text, self.pack.account(post.account).platform)
        when = None if at is None else check_time(at, self.session.clock.now())
        return await self._change(post_id, "post_edited", EDITABLE, text=body, publish_at=when)

    async def cancel(self, post_id: int, reason: str = "") -> Post:
        return await self._change(post_id, "post_cancelled", EDITABLE, to_state=PostState.CANCELLED,
                                  note=reason.strip() or "cancelled")

    async def release(self, post_id: int, at: datetime | None = None) -> Post:
        """Release a held or reviewed post: it publishes at `at` (None: now). Refused while an
        emergency is declared: every scheduled post stays frozen until it is resolved."""
        now = self.session.clock.now()
        when = now if at is None else check_time(at, now)
        return await self._change(post_id, "post_released", RELEASABLE, to_state=PostState.SCHEDULED,
                                  publish_at=when, not_during_emergency=True)

    # -- the emergency ---------------------------------------------------------------------------
    async def declare(self, title: str, reason: str, extended_until: datetime | None = None) -> Incident:
        now = self.session.clock.now()
        incident = declaration(self.pack, self.officer, title, reason, now, extended_until)
        action = Action(at=now, actor=self.officer.id, verb="emergency_declared",
                        detail={"title": incident.title, "reason": incident.reason})
        notice = Notification(at=now, level=NotificationLevel.ERROR, kind="emergency_declared",
                              title=f"EMERGENCY declared: {incident.title}", body=incident.reason)
        stored = await self.store.declare_emergency(
            incident, [action], [notice], freeze=self.pack.emergency.freeze_scheduled,
            retime=related_rule(self.pack))
        self._keep(stored)
        return stored

    async def resolve(self, reason: str) -> Incident:
        why = check_resolve(self.pack, self.officer, reason)
        incident = await self.refresh()
        if incident is None or incident.id is None:
            raise EmergencyError("no emergency is declared")
        now = self.session.clock.now()
        action = Action(at=now, actor=self.officer.id, verb="emergency_resolved",
                        detail={"incident": incident.id, "reason": why})
        notice = Notification(at=now, level=NotificationLevel.INFO, kind="emergency_resolved",
                              title=f"Emergency resolved: {incident.title}",
                              body="Frozen posts wait in the review queue (p).")
        done = await self.store.resolve_emergency(incident.id, self.officer.id, now, why, [action], [notice],
                                                  retime=related_rule(self.pack))
        self._keep(None)
        return done

    # -- crisis updates --------------------------------------------------------------------------
    async def draft_crisis(self, account: str, text: str) -> Post:
        """A designated responder's crisis update: it waits for approval where the pack asks,
        else it is published at once."""
        incident = check_crisis_author(self.pack, self.officer, self._known(account), await self.refresh())
        now = self.session.clock.now()
        body = check_text(text, self.pack.account(account).platform)
        approval = self.pack.emergency.approval_required
        post = Post(account=account, kind=PostKind.CRISIS, text=body, publish_at=now,
                    state=PostState.AWAITING_APPROVAL if approval else PostState.SCHEDULED,
                    created_by=self.officer.id, created_at=now, incident_id=incident.id)
        actions = [self._action(now, "crisis_drafted", post)]
        if approval:
            stored = await self.store.add_post(post, actions)
            await self.store.record(notifications=[self._approval_notice(stored, now)])
            return stored
        actions.append(self._action(now, "crisis_published", post))
        return await self.store.add_post(post, actions, outbox=self._outbox(post, now))

    def _approval_notice(self, post: Post, now: datetime) -> Notification:
        roles = self.pack.emergency.approver_roles
        return Notification(at=now, level=NotificationLevel.WARNING, kind="crisis_awaiting_approval",
                            title=f"Crisis update awaiting approval ({self.officer.name})",
                            body=first_words(post.text), role=roles[0] if roles else None,
                            account=post.account)

    def _outbox(self, post: Post, now: datetime) -> OutboxItem:
        return OutboxItem(created_at=now, account=post.account, kind=OUTBOX_KINDS[post.kind],
                          text=post.text, created_by=post.created_by)

    async def approve(self, post_id: int) -> Post:
        """Approve a crisis update (a second person in an approver role): it is published."""
        post = await self.store.get_post(post_id)
        check_approver(self.pack, self.officer, post)
        now = self.session.clock.now()
        change = PostChange(post_id=post_id, by=self.officer.id, at=now,
                            expect_from=frozenset({PostState.AWAITING_APPROVAL}),
                            approved_by=self.officer.id, publish=True)
        actions = [self._action(now, "crisis_approved", post), self._action(now, "crisis_published", post)]
        return await self.store.change_post(change, actions, outbox=self._outbox(post, now))

    async def refuse(self, post_id: int, reason: str) -> Post:
        post = await self.store.get_post(post_id)
        check_approver(self.pack, self.officer, post)
        why = reason.strip()
        if not why:
            raise EmergencyError("say why the update is refused, so its author can put it right")
        now = self.session.clock.now()
        change = PostChange(post_id=post_id, by=self.officer.id, at=now,
                            expect_from=frozenset({PostState.AWAITING_APPROVAL}),
                            to_state=PostState.REFUSED, note=why)
        return await self.store.change_post(change, [self._action(now, "crisis_refused", post, note=why)])

    def may(self, permission: Permission) -> bool:
        return self.session.may(permission)


def when_from_text(text: str, now: datetime, zone_name: str | None = None) -> datetime:
    """A time typed by an officer: `now`, `+30m`, `+2h`, `HH:MM` (today, local), or
    `YYYY-MM-DD HH:MM` (local). EmergencyError naming the text if it is none of those."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(zone_name) if zone_name else now.tzinfo
    raw = text.strip()
    if raw.lower() in ("", "now"):
        return now
    if raw.startswith("+") and raw[-1:] in ("m", "h") and raw[1:-1].isdigit():
        n = int(raw[1:-1])
        return now + (timedelta(minutes=n) if raw.endswith("m") else timedelta(hours=n))
    local = now.astimezone(zone)
    for fmt in ("%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"):
        try:
            parsed = datetime.strptime(raw, fmt)
        except ValueError:
            continue
        if fmt == "%H:%M":
            parsed = parsed.replace(year=local.year, month=local.month, day=local.day)
        return parsed.replace(tzinfo=zone)
    raise EmergencyError(f"{raw!r} is not a time: use now, +30m, +2h, HH:MM or YYYY-MM-DD HH:MM")
