"""Reading one file safely: only a regular file, never more than a cap, and a
reason in a user's words when it cannot be read."""

from __future__ import annotations

import errno
import os
import stat

MAX_BYTES = 32 * 1024 * 1024
"""Files larger than this are skipped: no news article is 32 MiB of text."""


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "something other than a file"


def not_a_file(mode: int, link: bool = False) -> str:
    return f"symbolic link to {_kind(mode)}, not a file" if link else f"{_kind(mode)}, not a file"


def link_reason(path: str) -> str:
    """What a symbolic link that leads to no file or folder leads to."""
    try:
        info = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            return "broken symbolic link"
        return os_reason(error)
    return not_a_file(info.st_mode, link=True)


class NotRead(Exception):
    """The file was not read, for the reason given (in words for a user)."""


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_regular(name: str, limit: int | None = None) -> tuple[bytes, tuple[int, int, int, int]]:
    """The bytes of a regular file, at most `limit` (MAX_BYTES) of them, and its identity.

    Devices (`/dev/zero` has a size of 0 and no end) and named pipes (whose
    `open` blocks until a writer comes) are refused before opening, and again
    after (O_NONBLOCK: the path may have been swapped in between). The size cap
    is kept while reading, since a size on disk can lie (`/proc` files say 0).
    """
    limit = MAX_BYTES if limit is None else limit
    info = os.stat(name)
    if not stat.S_ISREG(info.st_mode):
        raise NotRead(not_a_file(info.st_mode, link=os.path.islink(name)))
    if info.st_size > limit:
        raise NotRead(_too_large(info.st_size, limit))
    fd = os.open(name, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRead(not_a_file(info.st_mode))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > limit:
        raise NotRead(_too_large(max(info.st_size, total), limit))
    return b"".join(chunks), (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _too_large(size: int, limit: int) -> str:
    shown = f"{size / 2**20:.0f} MiB" if size > limit + 2**20 else f"over {limit / 2**20:.0f} MiB"
    return f"too large ({shown}; the limit is {limit // 2**20} MiB)"


def os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == 40:  # ELOOP
        return "symbolic link loop"
    return error.strerror or type(error).__name__
