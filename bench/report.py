"""What every bench prints: one aligned line a figure, its target beside it, PASS or MISS."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One measured figure against its target (None: a figure shown for context)."""

    name: str
    value: float
    unit: str
    target: str | None = None
    passed: bool = True

    def line(self, width: int) -> str:
        verdict = "" if self.target is None else "PASS" if self.passed else "MISS"
        return f"{self.name:<{width}}  {self.value:>10.2f} {self.unit:<5} {self.target or '(info)':<14} {verdict}"


def report(results: Sequence[Result]) -> list[Result]:
    """Print `results` aligned; return those with a target (what `python -m bench` tallies)."""
    width = max(len(r.name) for r in results)
    for result in results:
        print(result.line(width), flush=True)
    return [r for r in results if r.target is not None]


def bench_main(prog: str, doc: str | None, run: Callable[[bool], object]) -> None:
    """The command line of one bench module run on its own (`python -m bench.NAME`)."""
    parser = argparse.ArgumentParser(prog=prog, description=(doc or "").split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a fast check")
    run(parser.parse_args().quick)
