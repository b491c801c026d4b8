"""The learned net of triage: a linear model over a message's words, beside the phrase patterns.

Phrase patterns (`core.triage_cues`) catch what someone thought to write a pattern for; residents
say the same thing in words nobody wrote down ("my coach sends me weird messages at night and told
me to keep it secret"). The learned net scores every message against each label with weights for
its words, learned from dutydesk's labelled sets (`tests/data`), and adds a label
whose score passes the label's threshold. It only adds labels: a pattern's label always stands.

The weights ship as `triage_weights.json`, written by `python -m bench.triage_train` (logistic
regression, fixed seed and order, so the same data gives the same file). The file records the
SHA-256 of the sets it was trained on; a test fails when a set changes until it is trained again.
`personal_data` is not learned: it is found by shape (numbers, addresses), not by words.

Safeguarding and urgent_danger have lower thresholds (0.4 and 0.2): a missed disclosure is the worst
error dutydesk can make, and their goal is recall 0.95 at precision 0.6.

Pure and fast: a message's words are looked up in one table whose entries hold
every label's weight packed into one int, so scoring a message is one sum.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import repeat

WEIGHTS_FILE = "triage_weights.json"
"""The shipped weights, beside this module."""


#: Bits per label in a packed score (see `LearnedNet`): room for any message's sum.
FIELD_BITS = 32
#: Weights are kept as whole multiples of 1 / SCALE.
SCALE = 1 << 10
_FIELD = (1 << FIELD_BITS) - 1
_HALF = 1 << (FIELD_BITS - 1)


@cache
def _halves(count: int) -> int:
    """Half a field in each of `count` fields: the top bit of every label's field."""
    return sum(_HALF << (i * FIELD_BITS) for i in range(count))


def pack(values: Sequence[float]) -> int:
    """One int holding a fixed-point value per label, label i at bits i * FIELD_BITS (values
    may be negative: adding packed ints adds each label's values, borrowing across fields)."""
    return sum(round(v * SCALE) << (i * FIELD_BITS) for i, v in enumerate(values))


@dataclass(frozen=True)
class LearnedNet:
    """Per-label linear scores over a message's words (as `core.triage.spoken_tokens` leaves
    them, each counted as often as it occurs); a label whose score passes its threshold is added.
    Adjacent word pairs were tried too: they cost twice as much a message and found no more on
    the unseen sets.

    Every feature's weights for all labels are packed into one int (`pack`), so a message's
    scores are one sum of ints looked up in one table, however many labels there are. The sum
    starts at each label's bias less its threshold plus half a field, so a label passes when the
    top bit of its field is set, and a message that passes none is told by one `&`."""

    labels: tuple[str, ...]
    """The learned labels, in the order of the packed fields."""
    start: int
    """Packed: each label's bias less its threshold, plus half a field (`_HALF`)."""
    table: dict[bytes, int]
    """feature (a word) -> its packed weights (features with
    only negligible weights are absent)."""

    def total(self, tokens: Sequence[bytes]) -> int:
        """The packed sum of a message's features' weights, from `start`."""
        get = self.table.get
        return self.start + sum(map(get, tokens, repeat(0)))

    def margins(self, tokens: Sequence[bytes]) -> list[float]:
        """Each label's score less its threshold for a message's tokens (at least 0: labelled)."""
        total = self.total(tokens)
        return [((total >> (i * FIELD_BITS) & _FIELD) - _HALF) / SCALE for i in range(len(self.labels))]

    def labels_for(self, tokens: Sequence[bytes]) -> list[str]:
        """The labels whose score reaches their threshold."""
        passed = self.total(tokens) & _halves(len(self.labels))
        if not passed:
            return []
        return [label for i, label in enumerate(self.labels) if passed >> (i * FIELD_BITS + FIELD_BITS - 1) & 1]


def net_from_json(text: str) -> LearnedNet:
    """A `LearnedNet` from the text of a weights file (see `bench.triage_train` for its shape)."""
    data = json.loads(text)
    labels = tuple(data["labels"])
    per_feature: dict[str, list[float]] = {}
    for index, label in enumerate(labels):
        for feature, weight in data["weights"][label].items():
            per_feature.setdefault(feature, [0.0] * len(labels))[index] = float(weight)
    return LearnedNet(labels=labels,
                      start=pack([float(data["bias"][label]) - float(data["threshold"][label])
                                  for label in labels]) + _halves(len(labels)),
                      table={feature.encode(): pack(weights) for feature, weights in per_feature.items()})


@cache
def shipped_net() -> LearnedNet:
    """The net dutydesk ships (`triage_weights.json`), read once per process."""
    return net_from_json((resources.files("core") / WEIGHTS_FILE).read_text(encoding="utf-8"))
