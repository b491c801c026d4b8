"""UK bank holidays: which region's close a desk, and the days themselves, by year.

The days come from the `holidays` package (substitute days and one-off holidays included),
loaded on first use and kept per (region, year). Loading the package takes a fifth of a
second, so another process can be handed the tables instead (`bank_holiday_tables`, then
`remember_bank_holidays` there).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum


class BankHolidayRegion(StrEnum):
    """Which part of the UK's bank holidays close the desk (from the `holidays` package)."""

    ENGLAND_AND_WALES = "england-and-wales"
    """England's and Wales's holidays (the same days; their union is taken in case they part)."""
    SCOTLAND = "scotland"
    """Scotland's holidays (2 January, St Andrew's Day, the August holiday, no Easter Monday)."""
    NORTHERN_IRELAND = "northern-ireland"
    """Northern Ireland's holidays (St Patrick's Day and the Battle of the Boyne included)."""
    UNITED_KINGDOM = "united-kingdom"
    """Only the holidays common to all of the UK: those the `holidays` GB calendar gives with
    no subdivision (no Easter Monday, no August holiday). Not "a holiday in any part"."""


_SUBDIVISIONS: dict[str, tuple[str | None, ...]] = {
    BankHolidayRegion.ENGLAND_AND_WALES: ("ENG", "WLS"),
    BankHolidayRegion.SCOTLAND: ("SCT",),
    BankHolidayRegion.NORTHERN_IRELAND: ("NIR",),
    BankHolidayRegion.UNITED_KINGDOM: (None,),
}


#: Bank holiday tables loaded so far, by (region, year); at most `_TABLES_KEPT`.
_TABLES: dict[tuple[str, int], frozenset[date]] = {}
_TABLES_KEPT = 512


def bank_holidays(region: BankHolidayRegion | str, year: int) -> frozenset[date]:
    """The bank holidays (substitute days included) of `region` in `year`; cached per year."""
    days = _TABLES.get((region, year))  # a StrEnum member and its value are one key
    if days is None:
        region = BankHolidayRegion(region)
        # Imported here: loading the holidays package's tables takes a fifth of a second,
        # which an import's worker processes, given the tables (`remember_bank_holidays`),
        # never spend.
        import holidays

        found: set[date] = set()
        for subdiv in _SUBDIVISIONS[region]:
            found.update(holidays.country_holidays("GB", subdiv=subdiv, years=year))
        if len(_TABLES) >= _TABLES_KEPT:
            _TABLES.clear()
        days = _TABLES[(region.value, year)] = frozenset(found)
    return days


def bank_holiday_tables(regions: Iterable[BankHolidayRegion | str],
                        years: Iterable[int]) -> dict[tuple[str, int], frozenset[date]]:
    """`bank_holidays` of each region in each year, to hand to another process, which
    `remember_bank_holidays` them instead of loading them again."""
    return {(BankHolidayRegion(r).value, y): bank_holidays(r, y) for r in regions for y in years}


def remember_bank_holidays(tables: Mapping[tuple[str, int], frozenset[date]]) -> None:
    """Take tables made by `bank_holiday_tables` (in another process) as this process's own."""
    for (region, year), days in tables.items():
        _TABLES[(BankHolidayRegion(region).value, year)] = frozenset(days)
