"""Data errors as communications staff read them: file:line:column, field path, plain reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    file: str  # path as the editor knows it, e.g. data/providers/rezekne-city-social-service.yaml
    line: int  # 1-based
    column: int  # 1-based
    path: str  # field path, e.g. fees[0].items[2].rule.amount ("" for the whole file)
    message: str  # plain words, e.g. "amount must have at most two decimals (got 8.805)"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


def format_errors(errors: list[DataError]) -> str:
    count = len(errors)
    head = f"The data has {count} problem{'s' if count != 1 else ''}; nothing was published:"
    return "\n".join([head, *(f"  {e}" for e in errors)])
