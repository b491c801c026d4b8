"""The pack sections of the safeguarding lane and the statutory clocks.

`[safeguarding]` says where a disclosure goes when the account is closed and which role is told
at once; `[statutory]` holds the complaint stages and the warnings of the statutory clocks
(FOI and SAR time limits are the law's, not a council's: see `core.statutory`).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True,
                              defer_build=True)


class Safeguarding(_Strict):
    """What the desk does with a disclosure (labels `safeguarding`, `urgent_danger`)."""

    out_of_hours: Text
    """Where a disclosure goes at once while the account is closed (read after "refer now to");
    the desk adds: if anyone is in immediate danger, call 999."""
    escalate_to: Ident
    """The role whose dashboards are told (and rung) at once when a disclosure waits out of hours."""
    private_messages: Text
    """The policy's rule against private messages with children or vulnerable adults, quoted
    in the warning shown before a reply by direct message to one."""
    source: Text
    """The policy sections (or the reason for the default chosen)."""


class ComplaintStage(_Strict):
    name: Text
    """The stage as the detail pane names it, e.g. `acknowledgement` or `stage 1 response`."""
    short: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{2,4}$")]
    """Two to four capitals or digits for the row, e.g. `ACK`, `CS1`."""
    working_days: int = Field(gt=0, le=60)
    """Working days from receipt (the day after receipt is day one; weekends and the account's
    bank holidays do not count)."""


class Statutory(_Strict):
    """The statutory clocks' pack part: complaint stages and when the clocks warn."""

    complaint_stages: tuple[ComplaintStage, ...] = Field(min_length=1)
    """The council's complaint stages, each counted from receipt, in order."""
    warnings_days_left: tuple[int, int] = (5, 2)
    """Calendar days left before a statutory deadline when the first and second warnings show."""
    source: Text

    @field_validator("warnings_days_left")
    @classmethod
    def _decreasing(cls, value: tuple[int, int]) -> tuple[int, int]:
        first, second = value
        if not first > second >= 0:
            raise ValueError("warnings_days_left must be two decreasing numbers, the second >= 0")
        return value

    @field_validator("complaint_stages")
    @classmethod
    def _in_order(cls, value: tuple[ComplaintStage, ...]) -> tuple[ComplaintStage, ...]:
        days = [stage.working_days for stage in value]
        if days != sorted(days) or len(set(days)) != len(days):
            raise ValueError("complaint stages must be in order of their working days, each later")
        # The short name tells a message's deadlines apart (the engine fires each once by it).
        shorts = [stage.short for stage in value]
        if len(set(shorts)) != len(shorts) or {"FOI", "SAR"} & set(shorts):
            raise ValueError("each complaint stage needs its own short name, and not FOI or SAR")
        return value


#: The Freedom of Information Act 2000, s.10(1): "not later than the twentieth working day
#: following the date of receipt". The law's figure, so no pack can change it.
FOI_WORKING_DAYS = 20

_WORKING_DAYS = re.compile(r"(\d+)\s+working\s+days?", re.IGNORECASE)
_OTHER_FIGURES = re.compile(r"within\s+(\d+)\s+(?:calendar\s+)?(days?|hours?|weeks?|months?)",
                            re.IGNORECASE)


def unheld_figures(text: str, statutory: Statutory) -> list[str]:
    """The time limits `text` promises that the pack does not hold: any `N working days` other
    than the FOI limit or a complaint stage, and any `within N days/hours/weeks/months`."""
    held = {FOI_WORKING_DAYS, *(s.working_days for s in statutory.complaint_stages)}
    out = [m.group(0) for m in _WORKING_DAYS.finditer(text) if int(m.group(1)) not in held]
    out += [m.group(0) for m in _OTHER_FIGURES.finditer(text)]
    return out
