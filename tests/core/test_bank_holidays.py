"""The bank holidays that ship with dutydesk are the `holidays` package's, and asking for them
does not load the package (a fifth of a second of every start)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from core.bank_holidays import (
    SHIPPED_YEARS,
    BankHolidayRegion,
    _shipped,
    bank_holidays,
    package_bank_holidays,
)

REWRITE = "write it again: python -m core.bank_holidays > core/bank_holidays.json"


@pytest.mark.parametrize("region", list(BankHolidayRegion))
def test_the_shipped_days_are_the_packages(region: BankHolidayRegion) -> None:
    for year in SHIPPED_YEARS:
        shipped = _shipped()[(region.value, year)]
        assert shipped == package_bank_holidays(region, year), f"{region} {year}: {REWRITE}"


def test_every_region_and_year_ships() -> None:
    assert set(_shipped()) == {(r.value, y) for r in BankHolidayRegion for y in SHIPPED_YEARS}


def _in_a_fresh_process(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_shipped_year_does_not_load_the_package() -> None:
    out = _in_a_fresh_process(
        "import sys\n"
        "from core.bank_holidays import bank_holidays\n"
        "days = bank_holidays('england-and-wales', 2026)\n"
        "print(len(days), 'holidays' in sys.modules)\n")
    assert out == "9 False"


def test_a_year_beyond_the_shipped_ones_is_asked_of_the_package() -> None:
    year = SHIPPED_YEARS[-1] + 5
    days = bank_holidays(BankHolidayRegion.ENGLAND_AND_WALES, year)
    assert days == package_bank_holidays(BankHolidayRegion.ENGLAND_AND_WALES, year)
    assert date(year, 12, 25) in days or date(year, 12, 27) in days
