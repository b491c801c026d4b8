"""Triage's learned net (`core.triage_learned`): packed scores, the shipped weights, and what it adds."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.triage_train import LEARNED, TRAINED_ON, data_hashes
from core.triage import triage_text
from core.triage_learned import SCALE, LearnedNet, net_from_json, shipped_net


def _net(weights: dict[str, dict[str, float]], bias: dict[str, float] | None = None,
         threshold: dict[str, float] | None = None) -> LearnedNet:
    labels = list(weights)
    return net_from_json(json.dumps({
        "labels": labels, "weights": weights,
        "bias": bias or {label: 0.0 for label in labels},
        "threshold": threshold or {label: 0.0 for label in labels}}))


TWO = _net({"a": {"flood": 2.0, "river": 0.5, "bank": -1.0},
            "b": {"flood": -0.25, "gig": 1.5}},
           bias={"a": -1.0, "b": 0.25}, threshold={"a": 0.5, "b": 0.0})

# words -> (margin of a, margin of b): bias - threshold + the words' weights
MARGINS = [
    ("", (-1.5, 0.25)),
    ("flood", (0.5, 0.0)),
    ("flood flood", (2.5, -0.25)),  # a word counts as often as it occurs
    ("river", (-1.0, 0.25)),
    ("river bank", (-2.0, 0.25)),
    ("flood on the river bank", (0.0, 0.0)),
    ("gig", (-1.5, 1.75)),
    ("unknown words only", (-1.5, 0.25)),
]


@pytest.mark.parametrize(("text", "margins"), MARGINS)
def test_margins_add_each_word(text: str, margins: tuple[float, float]) -> None:
    assert TWO.margins(text.encode().split()) == pytest.approx(margins, abs=1 / SCALE)


@pytest.mark.parametrize(("text", "labels"), [
    ("", ["b"]), ("flood", ["a", "b"]), ("flood flood", ["a"]), ("gig", ["b"]), ("river bank", ["b"]),
    ("flood river gig", ["a", "b"]),
])
def test_a_label_is_added_when_its_margin_reaches_zero(text: str, labels: list[str]) -> None:
    assert TWO.labels_for(text.encode().split()) == labels


_WORDS = ("w0", "w1", "w2", "w3")


@given(weights=st.lists(st.lists(st.integers(-4000, 4000), min_size=3, max_size=3), min_size=4, max_size=4),
       bias=st.lists(st.integers(-4000, 4000), min_size=3, max_size=3),
       text=st.lists(st.sampled_from(_WORDS), max_size=40))
def test_packed_sums_equal_plain_sums_for_any_weights(weights: list[list[int]], bias: list[int],
                                                      text: list[str]) -> None:
    # Weights on the 1/SCALE grid, so packed and plain sums must agree exactly, negative or not.
    labels = ["x", "y", "z"]
    net = _net({label: {w: weights[i][j] / SCALE for i, w in enumerate(_WORDS)} for j, label in enumerate(labels)},
               bias={label: bias[j] / SCALE for j, label in enumerate(labels)})
    plain = [(bias[j] + sum(weights[_WORDS.index(w)][j] for w in text)) / SCALE for j in range(3)]
    assert net.margins([w.encode() for w in text]) == plain
    assert net.labels_for([w.encode() for w in text]) == [label for label, m in zip(labels, plain) if m >= 0]


def test_a_huge_message_cannot_overflow_a_label_into_the_next() -> None:
    tokens = [b"flood"] * 200_000  # far past any inbound message: each label's sum stays its own
    assert TWO.margins(tokens) == pytest.approx((-1.5 + 400_000, 0.25 - 50_000))
    assert TWO.labels_for(tokens) == ["a"]


# -- the shipped net ----------------------------------------------------------------------------

def test_the_shipped_weights_were_learned_from_the_sets_as_they_are() -> None:
    # Change a labelled set, then run `python -m bench.triage_train` and commit the weights.
    from importlib import resources

    shipped = json.loads((resources.files("core") / "triage_weights.json").read_text(encoding="utf-8"))
    assert shipped["trained_on"] == data_hashes(TRAINED_ON)
    assert tuple(shipped["labels"]) == LEARNED == shipped_net().labels


def test_the_net_never_learns_personal_data_nor_the_blind_set() -> None:
    assert "personal_data" not in shipped_net().labels  # found by shape, not by words
    assert all("heldout4" not in name for name in TRAINED_ON)


@pytest.mark.parametrize(("text", "label"), [
    # Disclosures no phrase pattern was written for (the net's reason to exist), from the sets it
    # learned from: each must stay caught.
    ("my football coach sends me weird messages at night and told me to keep it secret", "safeguarding"),
    ("my husband won't give me any money and I have to ask him for everything, even food", "safeguarding"),
    ("sometimes i stand at the edge of the platform and think about it", "safeguarding"),
])
def test_the_net_catches_disclosures_said_in_other_words(text: str, label: str) -> None:
    assert label in triage_text(text, "dm")


def test_urgent_danger_from_the_net_always_comes_with_safeguarding() -> None:
    net = _net({"urgent_danger": {"zzzurgent": 5.0}})
    assert set(triage_text("zzzurgent", "dm", net=net)) == {"urgent_danger", "safeguarding"}


def test_a_safeguarding_label_from_the_net_said_to_be_now_is_urgent() -> None:
    net = _net({"safeguarding": {"zzzworry": 5.0}})
    assert set(triage_text("zzzworry", "dm", net=net)) == {"safeguarding"}
    assert set(triage_text("zzzworry please call the police now", "dm", net=net)) >= {"safeguarding", "urgent_danger"}
