"""Naming the field a validation error is about, the way a person reads it."""

from __future__ import annotations


def field_path(loc: tuple[int | str, ...], whole: str = "(top level)") -> str:
    """A pydantic error location as `accounts[2].hours` (`whole` when it is the whole input)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out or whole
