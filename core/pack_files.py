"""Reading policy packs from TOML files: a shipped pack by name, or any pack by path.

Loading never stops at the first fault: `PackError.problems` lists each one as file, field (a
dotted path such as `officers[2].role`) and reason, so a pack's author fixes them all at once.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from core.fields import field_path
from core.policy import DEFER_REFERENCES, PolicyPack


class PackProblem(BaseModel):
    """One thing wrong with a pack file: where, which field, and why."""

    file: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"


class PackError(Exception):
    """A pack could not be loaded; `problems` lists every fault found."""

    def __init__(self, problems: list[PackProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


#: pydantic's wording for the commonest faults, said the way a pack's author needs to hear it.
_REASONS = {"extra_forbidden": "unknown key (a typo?): packs allow only the documented keys",
            "missing": "required, but missing"}


#: Type errors, said with the value found (TOML `true` is not the number 1, nor "2" the number 2).
_TYPE_REASONS = {"int_type": "must be a valid integer (a whole number such as 2)",
                 "int_parsing": "must be a valid integer (a whole number such as 2)",
                 "int_from_float": "must be a valid integer (a whole number such as 2)",
                 "bool_type": "must be true or false",
                 "bool_parsing": "must be true or false"}


def _toml_value(value: object) -> str:
    """A value as it reads in the TOML file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    return type(value).__name__ if isinstance(value, (dict, list)) else str(value)


def _reason(error: ErrorDetails) -> str:
    if error["type"] in _TYPE_REASONS:
        return f"{_TYPE_REASONS[error['type']]}, not {_toml_value(error['input'])}"
    # pydantic prefixes our own ValueErrors; the reader wants the reason only.
    return _REASONS.get(error["type"]) or error["msg"].removeprefix("Value error, ")


def parse_pack(text: str, file: str) -> PolicyPack:
    """Parse and validate TOML `text`; `file` names it in errors. Raises PackError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError([PackProblem(file=file, field="(toml)", reason=str(exc))]) from None
    try:
        pack = PolicyPack.model_validate(data, context={DEFER_REFERENCES: True})
    except ValidationError as exc:
        problems = [PackProblem(file=file, field=field_path(e["loc"]), reason=_reason(e))
                    for e in exc.errors(include_url=False)]
        raise PackError(problems) from None
    problems = [PackProblem(file=file, field=f, reason=r) for f, r in pack.reference_problems()]
    if problems:
        raise PackError(problems)
    return pack


def shipped_pack_names() -> list[str]:
    """The names of the packs shipped inside dutydesk (file stems in core/packs)."""
    folder = resources.files("core") / "packs"
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))


def load_pack(name_or_path: str | Path) -> PolicyPack:
    """Load a shipped pack by name (e.g. `lewes-eastbourne`) or any pack by path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PackError([PackProblem(file=str(path), field="(file)", reason=str(exc))]) from None
        return parse_pack(text, str(path))
    names = shipped_pack_names()
    if str(name_or_path) not in names:
        reason = f"no shipped pack of that name; shipped: {', '.join(names)}"
        raise PackError([PackProblem(file=str(name_or_path), field="(name)", reason=reason)])
    resource = resources.files("core") / "packs" / f"{name_or_path}.toml"
    return parse_pack(resource.read_text(encoding="utf-8"), f"{name_or_path}.toml")
