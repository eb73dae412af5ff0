"""The files of ``data/`` and ``content/``: ordinary files inside the repository, nothing else.

A symbolic link could publish a file from outside the repository (``/etc/passwd`` as a
page, a data file from the build machine), and a named pipe or device would hang or
flood the build. Both folders therefore accept regular files only: a link (to a file or
to a folder) or a special file is refused by its own name, never followed, so no error is
ever reported against its target. Files are opened with ``O_NOFOLLOW`` so a link put in
place between the listing and the reading is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..base.errors import DataError
from ..base.messages import Message, message

_KINDS = (
    (stat.S_ISFIFO, "word.fifo"),
    (stat.S_ISSOCK, "word.socket"),
    (stat.S_ISCHR, "word.device"),
    (stat.S_ISBLK, "word.device"),
)


class NotRegular(Exception):
    """The file is a link or a special file; ``reason`` says so in plain words."""

    def __init__(self, reason: Message):
        super().__init__(reason.en)
        self.reason = reason


def _what(mode: int) -> Message:
    if stat.S_ISLNK(mode):
        return message("word.symlink")
    return message(next((code for test, code in _KINDS if test(mode)), "word.not_regular"))


def _refusal(mode: int, folder: str) -> Message:
    return message("read.not_regular", what=_what(mode), folder=folder)


def regular_files(root: Path, display: str) -> tuple[list[Path], list[DataError]]:
    """Every visible regular file below ``root`` (sorted), and a ``DataError`` for every link
    or special file, named ``display/<relative path>``. Nothing is followed."""
    found: list[Path] = []
    problems: list[DataError] = []
    folder = display.rsplit("/", 1)[-1]
    for here, dirs, files in os.walk(root, followlinks=False):
        base = Path(here)
        for name in sorted(dirs):
            if name.startswith("."):
                dirs.remove(name)
                continue
            path = base / name
            mode = path.lstat().st_mode
            if not stat.S_ISDIR(mode):  # a link to a folder
                dirs.remove(name)
                rel = path.relative_to(root).as_posix()
                problems.append(DataError.of(f"{display}/{rel}", 1, 1, "", _refusal(mode, folder)))
        for name in files:
            if name.startswith("."):
                continue
            path = base / name
            mode = path.lstat().st_mode
            if stat.S_ISREG(mode):
                found.append(path)
            else:
                rel = path.relative_to(root).as_posix()
                problems.append(DataError.of(f"{display}/{rel}", 1, 1, "", _refusal(mode, folder)))
    return sorted(found), sorted(problems)


def read_regular(path: Path, limit: int, folder: str = "data") -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit + 1``: enough to tell that it
    is too large); raises ``NotRegular`` for a link or a special file, without following it
    and without blocking on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if path.is_symlink():
            raise NotRegular(_refusal(stat.S_IFLNK, folder)) from None
        raise NotRegular(message("read.os_error", why=err.strerror)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(_refusal(mode, folder))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
