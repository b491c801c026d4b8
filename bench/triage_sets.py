"""The labelled triage sets in tests/data (JSON Lines: text, kind, labels), as the triage bench
scores them and `bench.triage_train` learns from them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from core.triage import RULES

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


@dataclass(frozen=True)
class Case:
    """One labelled message."""

    text: str
    kind: str
    labels: frozenset[str]


def load(name: str) -> list[Case]:
    """The cases of one labelled set in tests/data (an unknown label is an error)."""
    known = {r.label for r in RULES}
    cases = []
    for lineno, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        labels = frozenset(record["labels"])
        if labels - known:
            raise ValueError(f"{name}:{lineno}: unknown labels {sorted(labels - known)}")
        cases.append(Case(record["text"], record["kind"], labels))
    return cases
