"""Run the benches: `python -m bench [--quick] [NAME ...]` (what `make bench` runs).

A bench is any module in this folder with a `run(quick: bool = False)` function that measures,
prints one aligned line per figure (value, target, PASS/MISS) and returns its results (objects
with a `passed` attribute). Add a module and it is found; name some to run only those.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).parent


def bench_names() -> list[str]:
    """The modules in bench/ that define `run`, by name, in alphabetical order."""
    names = [m.name for m in pkgutil.iter_modules([str(HERE)]) if not m.name.startswith("_")]
    return [n for n in sorted(names) if callable(getattr(_load(n), "run", None))]


def _load(name: str) -> object:
    return importlib.import_module(f"bench.{name}")


def _call(run: Callable[..., Sequence[object] | None], quick: bool) -> Sequence[object]:
    accepts_quick = "quick" in inspect.signature(run).parameters
    return (run(quick=quick) if accepts_quick else run()) or ()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a fast check")
    parser.add_argument("names", nargs="*", metavar="NAME", help="only these benches (default: all)")
    args = parser.parse_args(argv)
    known = bench_names()
    unknown = [n for n in args.names if n not in known]
    if unknown:
        parser.error(f"no bench named {', '.join(unknown)}; there are: {', '.join(known)}")
    passed = missed = 0
    for name in args.names or known:
        print(f"== {name}{' (quick)' if args.quick else ''}", flush=True)
        began = time.perf_counter()
        results = _call(getattr(_load(name), "run"), args.quick)
        passed += sum(1 for r in results if getattr(r, "passed", True))
        missed += sum(1 for r in results if not getattr(r, "passed", True))
        print(f"   ({time.perf_counter() - began:.0f} s)\n", flush=True)
    print(f"{passed} PASS, {missed} MISS")
    return 0  # numbers to read, not a gate: a busy machine should not fail a build


if __name__ == "__main__":
    sys.exit(main())
