"""Train triage's learned net (`core.triage_learned`) and write `core/triage_weights.json`.

Run with `python -m bench.triage_train` after any change to the sets it learns from. It learns
one logistic regression per label (every triage label but `personal_data`) over a message's words,
from TRAINED_ON in tests/data and each label's table of cases with hard
negatives (`tests/core/triage_cases.py`). The blind held-out set
(`triage_heldout4.jsonl`, written by another author without seeing the rules) is never learned
from, so its figures in `python -m bench triage` stay honest.

Deterministic: the cases are sorted, shuffled with a fixed seed, and each case's features are
visited in sorted order (a feature that occurs twice counts twice, as in triage); weights are rounded and the negligible ones dropped.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.triage_sets import DATA, load
from core.triage import RULES, spoken_tokens
from core.triage_learned import WEIGHTS_FILE
from core.triage_pack import normalise
from tests.core.triage_cases import TABLES
from tests.core.triage_cases_requests import EVERYDAY

WEIGHTS = Path(__file__).resolve().parent.parent / "core" / WEIGHTS_FILE
TABLES_FILES = sorted((Path(__file__).resolve().parent.parent / "tests" / "core").glob("triage_*cases*.py"))
"""The case tables the net also learns from (`TABLES` gathers them)."""

TRAINED_ON = ("triage_labelled.jsonl", "triage_heldout.jsonl", "triage_heldout2.jsonl",
              "triage_heldout3.jsonl", "triage_train_a.jsonl", "triage_train_b.jsonl",
              "triage_train_c.jsonl", "triage_train_d.jsonl")
"""The sets the net learns from (never the blind held-out set)."""

LEARNED = tuple(r.label for r in RULES if r.label != "personal_data")
"""The labels the net learns, in triage's order."""
REFERRALS = tuple(label for label in LEARNED if label not in ("safeguarding", "urgent_danger"))
"""The labels everyday council messages (`EVERYDAY` of the case tables) never carry."""

#: Probability a label needs: lower for the labels where a miss is the worst error.
THRESHOLDS = {"safeguarding": 0.4, "urgent_danger": 0.2}
DEFAULT_THRESHOLD = 0.5

EPOCHS = 30
RATE = 0.3
L2 = 1e-3
NEGLIGIBLE = 0.25
"""Weights of at most this size are dropped (they change no decision on the sets)."""
SEED = 1


def message_features(text: str) -> list[bytes]:
    """The features of a message's text as triage computes them (its words, repeats kept), sorted."""
    return sorted(spoken_tokens(normalise(text.lower()).split()))


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def train_label(cases: Sequence[tuple[list[bytes], frozenset[str]]], label: str,
                table: Sequence[tuple[list[bytes], bool]] = ()) -> tuple[dict[str, float], float]:
    """One label's weights (feature text -> weight, negligible ones dropped) and bias, from the
    labelled cases and the label's own table of cases (`tests/core/triage_cases.py`)."""
    data = [(feats, 1.0 if label in labels else 0.0) for feats, labels in cases]
    data += [(feats, 1.0 if present else 0.0) for feats, present in table]
    order = random.Random(SEED)
    weights: dict[bytes, float] = {}
    bias = 0.0
    for _ in range(EPOCHS):
        order.shuffle(data)
        for feats, wanted in data:
            error = _logistic(bias + sum(weights.get(f, 0.0) for f in feats)) - wanted
            bias -= RATE * error
            for f in feats:
                w = weights.get(f, 0.0)
                weights[f] = w - RATE * (error + L2 * w)
    kept = {f.decode(): round(w, 4) for f, w in sorted(weights.items()) if abs(w) > NEGLIGIBLE}
    return kept, round(bias, 4)


def load_cases(names: Sequence[str]) -> list[tuple[str, frozenset[str]]]:
    """(text, labels) of every case in the named sets, sorted (so the order never depends on
    how the files are laid out)."""
    return sorted(((case.text, case.labels) for name in names for case in load(name)),
                  key=lambda c: (c[0], sorted(c[1])))


def train(names: Sequence[str] = TRAINED_ON) -> dict:
    """The weights file's content, learned from the named sets."""
    cases = [(message_features(text), labels) for text, labels in load_cases(names)]
    tables = {label: [(message_features(text), present) for text, present in sorted(rows)]
              for label, rows in TABLES.items()}
    # What is not safeguarding is not urgent_danger either.
    tables["urgent_danger"] = tables.get("urgent_danger", []) + [
        (feats, False) for feats, present in tables.get("safeguarding", []) if not present]
    everyday = [(message_features(text), False) for text in sorted(EVERYDAY)]
    for label in REFERRALS:
        tables[label] = tables.get(label, []) + everyday
    out: dict = {"about": "triage's learned net: written by `python -m bench.triage_train`, do not edit",
                 "trained_on": data_hashes(names), "labels": list(LEARNED), "bias": {}, "threshold": {},
                 "weights": {}}
    for label in LEARNED:
        weights, bias = train_label(cases, label, tables.get(label, ()))
        p = THRESHOLDS.get(label, DEFAULT_THRESHOLD)
        out["weights"][label] = weights
        out["bias"][label] = bias
        out["threshold"][label] = round(math.log(p / (1 - p)), 6)
    return out


def data_hashes(names: Sequence[str] = TRAINED_ON) -> dict[str, str]:
    """SHA-256 of each set the net learns from, and of the tables of cases."""
    files = {name: DATA / name for name in names} | {path.name: path for path in TABLES_FILES}
    return {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in files.items()}


def write(content: dict, path: Path = WEIGHTS) -> None:
    """Write the weights file (one label's weights to a line, so a change reads as a diff per label)."""
    lines = ["{"]
    head = [k for k in content if k != "weights"]
    for key in head:
        lines.append(f"{json.dumps(key)}: {json.dumps(content[key], sort_keys=True)},")
    lines.append('"weights": {')
    labels = list(content["weights"])
    for i, label in enumerate(labels):
        comma = "," if i < len(labels) - 1 else ""
        lines.append(f"{json.dumps(label)}: {json.dumps(content['weights'][label], sort_keys=True)}{comma}")
    lines.append("}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] = ()) -> int:
    content = train()
    write(content)
    sizes = ", ".join(f"{label} {len(w)}" for label, w in content["weights"].items())
    print(f"wrote {WEIGHTS} from {', '.join(TRAINED_ON)}: {sizes} weights")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
