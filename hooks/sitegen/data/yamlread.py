"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML alone is not enough for data edited by hand and by strangers:
- it silently keeps the last of two equal keys (data loss) -> an error here;
- anchors and aliases allow "billion laughs" bombs -> refused before expansion;
- custom tags (``!!python/object``) -> refused;
- ``8.80`` becomes a binary float -> kept as the exact ``Decimal('8.80')``;
- ``8:00`` becomes the integer 480 (YAML 1.1 base 60) -> stays the text ``"8:00"``;
- ``yes``/``no``/``on``/``off`` become booleans -> stay text; only ``true``/``false`` are booleans.
Every problem is reported as a ``DataError`` with file, line and column; nothing raises.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..base.characters import (
    entity_characters,
    invisible_characters,
    long_numbers,
    mixed_scripts,
    stacked_marks,
)
from ..base.errors import DataError
from ..base.messages import Message, message

MAX_FILE_BYTES = 1024 * 1024
# the longest text of the real data is 1,644 characters (2026); ten times that and more
MAX_TEXT_CHARS = 20_000
MAX_CHARACTER_PROBLEMS = 20  # per file: enough to see the pattern, not a flood
MAX_DEPTH = 40
_C = getattr(yaml, "__with_libyaml__", False)

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _MAP, _SEQ}


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1 resolver without base-60 numbers and without yes/no/on/off booleans."""


_Resolver.yaml_implicit_resolvers = {}
for _first, _entries in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _entries:
        if _tag == _BOOL:
            _regexp = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
            if _first not in "tTfF":
                continue
        elif _tag in (_INT, _FLOAT):
            _pattern = _regexp.pattern
            for _base60 in (
                r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
                r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*",
            ):
                _pattern = _pattern.replace(_base60, "")
            _regexp = re.compile(_pattern, _regexp.flags)
        _Resolver.yaml_implicit_resolvers.setdefault(_first, []).append((_tag, _regexp))


class _CLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, _Resolver):
    """libyaml's C parser and composer with our resolver: ~10x faster than pure Python.
    It only runs after ``_check_events`` has refused aliases, anchors and deep nesting."""

    def __init__(self, text: str):
        yaml.cyaml.CParser.__init__(self, text)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)


_NODE_OF = {
    yaml.ScalarEvent: ScalarNode,
    yaml.SequenceStartEvent: SequenceNode,
    yaml.MappingStartEvent: MappingNode,
}


def _check_events(text: str) -> dict[tuple[int, int, type], str]:
    """Refuse aliases, anchors and deep nesting from the event stream, before any node
    is composed (so an alias bomb costs nothing and deep nesting cannot exhaust a stack).
    Returns the position and tag of every explicit tag (``!!int x``, ``!custom``): none
    reaches PyYAML's constructors."""
    depth = 0
    tags: dict[tuple[int, int], str] = {}
    parser = yaml.cyaml.CParser(text) if _C else _Loader(text)
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return tags
            _refuse_alias_or_anchor(event)
            tag = getattr(event, "tag", None)
            if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
                tags[(*_mark(event.start_mark), _NODE_OF[type(event)])] = tag
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Refused(message("read.nested", most=MAX_DEPTH), event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        parser.dispose()


class _Refused(Exception):
    def __init__(self, msg: Message, mark: yaml.Mark | None):
        super().__init__(msg.en)
        self.message = msg
        self.mark = mark


def _refuse_alias_or_anchor(event: yaml.Event) -> None:
    """Aliases and anchors are refused (an alias bomb needs them; editors never do)."""
    if isinstance(event, yaml.AliasEvent):
        raise _Refused(message("read.alias"), event.start_mark)
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        raise _Refused(message("read.anchor", anchor=anchor), event.start_mark)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _Resolver,
):
    """The pure-Python loader, for a PyYAML without libyaml. Like ``_CLoader`` it only
    composes after ``_check_events`` has refused aliases, anchors and deep nesting."""

    def __init__(self, text: str):
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)


@dataclass
class ReadResult:
    data: Any = None
    errors: list[DataError] = field(default_factory=list)
    # path -> (line, column) of the value; keys -> (line, column) of the key itself
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of ``path``, or of its nearest parent that exists."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def _plain_yaml_problem(err: yaml.MarkedYAMLError, text: str = "") -> Message:
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    if "'\\t'" in problem or "\t" in problem or _char_at(text, err.problem_mark) == "\t":
        return message("read.tab")
    if "while scanning a quoted scalar" in context:
        return message("read.quote_open")
    if "expected node content" in problem:
        return message("read.value_missing")
    if "found another document" in problem:
        return message("read.second_document")
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return message("read.unfinished", detail=context or message("read.unfinished_detail"))
    if "flow sequence" in context:
        return message("read.list_open")
    if "flow mapping" in context:
        return message("read.group_open")
    if "block collection" in context and "'-'" in problem:
        return message("read.mixed_block")
    if "mapping values are not allowed" in problem:
        return message("read.colon")
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return message("read.indentation")
    if "could not find expected ':'" in problem:
        return message("read.colon_missing")
    words = " ".join(part for part in (context, problem) if part)
    return message("read.syntax", detail=words)


_DECIMAL_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")  # no `1_50`: YAML 1.1 reads it as 150
_OPENED_AT = re.compile(r"quoted scalar|flow (sequence|mapping)")


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at ``index`` of ``text``."""
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _mark(mark: yaml.Mark | None) -> tuple[int, int]:
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def _scalar(node: ScalarNode, loader: _Loader) -> Any:
    tag, value = node.tag, node.value
    if tag == _STR:  # one spelling of each letter: ā, not a + U+0304 (names compare equal)
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _INT:
        if not _DECIMAL_INT.match(value):  # 010 is 8 and 0x10 is 16 in YAML 1.1: keep as text
            return value
        return loader.construct_yaml_int(node)
    if tag == _FLOAT:
        if "_" in value:  # `1_5.0` is 15.0 in YAML 1.1: keep as text, refused as a number
            return value
        text = value.lower()
        if text in (".nan",):
            return Decimal("NaN")
        if text in (".inf", "+.inf", "-.inf"):
            return Decimal("-Infinity") if text.startswith("-") else Decimal("Infinity")
        try:
            return Decimal(text)
        except InvalidOperation:
            return value
    if tag == _TIMESTAMP:
        stamp = loader.construct_yaml_timestamp(node)
        return stamp if isinstance(stamp, dt.date) else value
    return value


def _tag_name(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 (Windows Notepad's "Unicode"), with or without a byte-order mark."""
    head = raw[:4]
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if len(head) == 4 and b"\x00\x00" in (head[1::2], head[0::2]) and head != b"\x00" * 4:
        return "UTF-16"
    return None


def read_yaml(raw: bytes, file: str) -> ReadResult:
    """Parse ``raw`` bytes of the data file ``file``; never raises for bad input. The same
    bytes of the same file are parsed once: a rebuild, the second language's build and a
    validation that changed one file reuse the others' parse, each caller getting its own copy
    (a copy of the tree is about 100 times cheaper than the parse)."""
    read = _read_yaml(raw, file)
    return ReadResult(_tree_copy(read.data), list(read.errors), dict(read.values), dict(read.keys))


def _tree_copy(node: Any) -> Any:
    """Mappings and lists copied all the way down; the scalars (immutable) shared."""
    if isinstance(node, dict):
        return {key: _tree_copy(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_tree_copy(value) for value in node]
    return node


@lru_cache(maxsize=64)
def _read_yaml(raw: bytes, file: str) -> ReadResult:
    result = ReadResult()

    def error(line: int, column: int, path: Path_, msg: Message) -> None:
        result.errors.append(DataError.of(file, line, column, render_path(path), msg))

    if (wide := wide_encoding(raw)) is not None:
        error(
            1,
            1,
            (),
            message("read.wide_encoding", encoding=wide, start=raw[:4].hex(" ").upper()),
        )
        return result
    if len(raw) > MAX_FILE_BYTES:
        error(
            1,
            1,
            (),
            message("read.too_large", size=-(-len(raw) // 1024), most=MAX_FILE_BYTES // 1024),
        )
        return result
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        error(line, column, (), message("read.not_utf8"))
        return result
    text = text.removeprefix("\ufeff")
    problems = sorted(
        [
            *invisible_characters(text),
            *mixed_scripts(text),
            *entity_characters(text),
            *long_numbers(text),
            *stacked_marks(text),
        ]
    )
    for index, reason in problems[:MAX_CHARACTER_PROBLEMS]:
        error(*_position(text, index), (), reason)
    if len(problems) > MAX_CHARACTER_PROBLEMS:
        error(
            *_position(text, problems[MAX_CHARACTER_PROBLEMS][0]),
            (),
            message("read.more_characters", count=len(problems) - MAX_CHARACTER_PROBLEMS),
        )
    if any(unicodedata.category(text[index]) in ("Cc", "Cs") for index, _ in problems):
        return result  # the YAML reader refuses these itself, without saying where
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        error(1, 1, (), message("read.empty"))
        return result

    loader = _CLoader(text) if _C else _Loader(text)
    try:
        tags = _check_events(text)
        root = loader.get_single_node()
    except _Refused as refused:
        error(*_mark(refused.mark), (), refused.message)
        return result
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark is not None and _OPENED_AT.search(err.context or ""):
            mark = err.context_mark  # where the quote or bracket that is never closed opens
        error(*_mark(mark), (), _plain_yaml_problem(err, text))
        return result
    except yaml.reader.ReaderError as err:  # a control character, e.g. pasted from Word
        code = err.character if isinstance(err.character, int) else ord(err.character or " ")
        # libyaml counts bytes, the Python reader characters: find the character itself
        error(
            *_position(text, max(text.find(chr(code)), 0)),
            (),
            message("read.control_character", code=f"{code:04X}"),
        )
        return result
    except yaml.YAMLError as err:
        error(1, 1, (), message("read.not_yaml", detail=str(err)))
        return result
    except RecursionError:
        error(1, 1, (), message("read.nested_too_deep"))
        return result
    finally:
        loader.dispose()
    if root is None or root.tag == _NULL:  # nothing, or only `---` / `~`
        error(
            *_mark(root.start_mark if root else None),
            (),
            message("read.empty"),
        )
        return result

    def escaped_problem(node: ScalarNode, path: Path_) -> bool:
        """A double-quoted text can write any character as an escape ("\\u200b"), which the
        check of the file's text does not see: its value is checked too."""
        if node.style != '"' or "\\" not in text[node.start_mark.index : node.end_mark.index]:
            return False
        value = node.value
        found = sorted(
            [
                *invisible_characters(value),
                *mixed_scripts(value),
                *long_numbers(value),
                *stacked_marks(value),
            ]
        )
        for _, reason in found[:1]:
            escape = message("word.by_escape")
            error(
                *_mark(node.start_mark),
                path,
                Message(reason.code, reason.lv + escape.lv, reason.en + escape.en),
            )
        return bool(found)

    def build(node: Node, path: Path_) -> Any:
        result.values[path] = _mark(node.start_mark)
        explicit = tags.get((*_mark(node.start_mark), type(node)))
        if explicit is not None:
            error(
                *_mark(node.start_mark),
                path,
                message("read.tag", tag=_tag_name(explicit)),
            )
            return None
        if node.tag not in _ALLOWED_TAGS:
            error(
                *_mark(node.start_mark),
                path,
                message("read.tag", tag=_tag_name(node.tag)),
            )
            return None
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                error(
                    *_mark(node.start_mark),
                    path,
                    message("read.tag_here", tag=_tag_name(node.tag)),
                )
                return None
            out: dict[str, Any] = {}
            first_seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag not in (
                    _STR,
                    _INT,
                    _BOOL,
                    _NULL,
                ):
                    error(*_mark(key_node.start_mark), path, message("read.key_not_text"))
                    continue
                key = unicodedata.normalize("NFC", str(key_node.value))
                explicit = tags.get((*_mark(key_node.start_mark), ScalarNode))
                if explicit is not None:
                    error(
                        *_mark(key_node.start_mark),
                        path,
                        message("read.tag", tag=_tag_name(explicit)),
                    )
                    continue
                if escaped_problem(key_node, path):
                    continue
                if key == "<<":
                    error(
                        *_mark(key_node.start_mark),
                        path,
                        message("read.merge_key"),
                    )
                    continue
                line, column = _mark(key_node.start_mark)
                if key in first_seen:
                    error(
                        line,
                        column,
                        path + (key,),
                        message("read.key_twice", key=key, first=first_seen[key]),
                    )
                    continue
                first_seen[key] = line
                result.keys[path + (key,)] = (line, column)
                out[key] = build(value_node, path + (key,))
            return out
        if isinstance(node, SequenceNode):
            return [build(item, path + (index,)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if len(node.value) > MAX_TEXT_CHARS:
            error(
                *_mark(node.start_mark),
                path,
                message(
                    "read.text_too_long", length=f"{len(node.value):,}", most=f"{MAX_TEXT_CHARS:,}"
                ),
            )
            return None
        if escaped_problem(node, path):
            return None
        try:
            return _scalar(node, loader)
        except (ValueError, OverflowError, ArithmeticError, TypeError, AttributeError):
            error(*_mark(node.start_mark), path, message("read.unreadable", value=node.value))
            return None

    try:
        result.data = build(root, ())
    except RecursionError:
        error(1, 1, (), message("read.nested_too_deep"))
        result.data = None
    return result


def render_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
