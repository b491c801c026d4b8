"""UK bank holidays: which region's close a desk, and the days themselves, by year.

The days come from the `holidays` package (substitute days and one-off holidays included).
Loading that package takes a fifth of a second in every process that works out a due time
or an opening status, so the days of SHIPPED_YEARS ship with dutydesk as
`bank_holidays.json`, written from the locked package by `python -m core.bank_holidays >
core/bank_holidays.json`. A test holds the file equal to the package, so a new holiday in an
upgrade fails the tests until the file is written again. Other years are asked of the
package, and kept.
"""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources


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


#: The years whose days ship in `bank_holidays.json`.
SHIPPED_YEARS = range(2015, 2046)


def bank_holidays(region: BankHolidayRegion | str, year: int) -> frozenset[date]:
    """The bank holidays (substitute days included) of `region` in `year`: the shipped days,
    else the package's (kept per year)."""
    days = _shipped().get((region, year))  # a StrEnum member and its value are one key
    if days is None:
        days = package_bank_holidays(BankHolidayRegion(region), year)
    return days


@lru_cache(maxsize=512)
def package_bank_holidays(region: BankHolidayRegion, year: int) -> frozenset[date]:
    """`bank_holidays` as the `holidays` package gives them (loading it the first time)."""
    import holidays  # here, not at the top: most processes never need it

    found: set[date] = set()
    for subdiv in _SUBDIVISIONS[region]:
        found.update(holidays.country_holidays("GB", subdiv=subdiv, years=year))
    return frozenset(found)


@cache
def _shipped() -> dict[tuple[str, int], frozenset[date]]:
    data = json.loads((resources.files("core") / "bank_holidays.json").read_text(encoding="utf-8"))
    return {(region, int(year)): frozenset(map(date.fromisoformat, days))
            for region, years in data["days"].items() for year, days in years.items()}


def shipped_json() -> str:
    """The text of `bank_holidays.json`: SHIPPED_YEARS of every region, from the package, a
    year to a line."""
    import holidays

    regions = []
    for region in BankHolidayRegion:
        years = [f'    "{year}": {json.dumps(sorted(d.isoformat() for d in package_bank_holidays(region, year)))}'
                 for year in SHIPPED_YEARS]
        regions.append(f'  "{region.value}": {{\n' + ",\n".join(years) + "\n  }")
    return (f'{{"from": {json.dumps("holidays " + holidays.__version__)},\n "days": {{\n'
            + ",\n".join(regions) + "\n }\n}\n")


if __name__ == "__main__":
    print(shipped_json(), end="")
