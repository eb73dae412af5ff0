"""Data errors as communications staff read them: file:line:column, field path, plain reason,
in Latvian first and English second (the texts come from ``messages.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Message, message


@dataclass(frozen=True, order=True)
class DataError:
    file: str  # path as the editor knows it, e.g. data/providers/rezekne-city-social-service.yaml
    line: int  # 1-based
    column: int  # 1-based
    path: str  # field path, e.g. fees[0].items[2].rule.amount ("" for the whole file)
    message: str  # English, e.g. "amount must have at most two decimals (got 8.805)"
    lv: str = ""  # the same in Latvian
    code: str = ""  # the message's code in messages.yaml

    @classmethod
    def of(cls, file: str, line: int, column: int, path: str, msg: Message) -> DataError:
        return cls(file, line, column, path, msg.en, msg.lv, msg.code)

    def moved(self, **changes: object) -> DataError:
        """The same problem at another place (e.g. a line offset in a page's front matter)."""
        from dataclasses import replace

        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        """Latvian, then English (on its own line when there is a Latvian text)."""
        return f"{self.lv}\n{self.message}" if self.lv else self.message

    @property
    def english_line(self) -> str:
        """``file:line:column field: reason`` with the English reason only, on one line."""
        field = f" {self.path}:" if self.path else ""
        return f"{self.file}:{self.line}:{self.column}:{field} {self.message}"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.path}:" if self.path else ""
        head = f"{where}:{field} {self.lv or self.message}"
        return f"{head}\n      {self.message}" if self.lv else head


def format_errors(errors: list[DataError]) -> str:
    head = message("run.problems", count=len(errors))
    return "\n".join([head.lv, head.en, *(f"  {e}" for e in errors)])
