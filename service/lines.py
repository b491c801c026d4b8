"""Reading an import: a byte stream into lines, without ever holding one too long.

`line_blocks` reads a megabyte at a time and hands on blocks of whole lines (one buffer per
batch: cheap to give to a worker process); `split_block` and `block_lines` take a block apart;
`read_lines` is the same thing a line at a time. Line ends (LF or CRLF) are dropped, a
byte-order mark before the first line is dropped, blank lines are skipped but counted, and a
line over MAX_LINE_BYTES comes out cut to its first MAX_LINE_BYTES + 1 bytes (so that it is
refused as too long) while the rest of it is skipped unread.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

#: The longest import line accepted, in bytes: a body at MAX_TEXT_CHARS of 4-byte characters,
#: JSON-escaped, still fits; anything longer is broken or hostile and is refused unread.
MAX_LINE_BYTES = 2 * 1024 * 1024

Block = tuple[int, bytes]
"""(number of its first line, lines ending with newlines): see `line_blocks`."""

#: How much of an import file is read at a time.
READ_SIZE = 1 << 20


def read_lines(source: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[bytes]:
    """The lines of a binary stream, without their line ends, never holding more than `limit`
    bytes of one: an over-long line comes out as its first `limit + 1` bytes (so it is refused
    as too long) and the rest of it is skipped."""
    for _, block in line_blocks(source, 4096, limit):
        yield from split_block(block, limit)


def line_blocks(source: BinaryIO, lines: int, limit: int = MAX_LINE_BYTES,
                read_size: int = READ_SIZE) -> Iterator[tuple[int, bytes]]:
    """(number of its first line, block): the stream in blocks of up to `lines` lines, read a
    megabyte at a time. Each line in a block ends with a newline (the last line of the input
    may not); a line over `limit` bytes is cut to its first `limit + 1` bytes and the rest of
    it skipped, as `read_lines` does. `split_block` and `block_lines` take a block apart.

    Blocks let an import hand lines to its workers as one buffer each, not one object a line.
    """
    reader = _BlockReader(source, limit, read_size)
    first = 1
    while True:
        block, count = reader.block(lines)
        if not count:
            return
        yield first, block
        first += count


def split_block(block: bytes, limit: int = MAX_LINE_BYTES) -> list[bytes]:
    """Every line of a `line_blocks` block, without its line end (an over-long line, cut to
    `limit + 1` bytes, comes as it is)."""
    lines = block.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # the block ended with a newline
    return [line if len(line) > limit else line.rstrip(b"\r") for line in lines]


def block_lines(first: int, block: bytes, limit: int = MAX_LINE_BYTES) -> list[tuple[int, bytes]]:
    """`numbered_lines` of a block whose first line is line `first`."""
    lines = split_block(block, limit)
    if first == 1 and lines:
        lines[0] = lines[0].removeprefix(b"\xef\xbb\xbf")
    return [(n, raw) for n, raw in enumerate(lines, start=first) if raw and not raw.isspace()]


def cut_block(block: Block, parts: int) -> list[Block]:
    """`block` cut at line ends into up to `parts` blocks of about as many lines each."""
    first, data = block
    ends: list[int] = []
    at = data.find(b"\n")
    while at >= 0:
        ends.append(at)
        at = data.find(b"\n", at + 1)
    count = len(ends) + (1 if data and not data.endswith(b"\n") else 0)
    size = max(1, -(-count // max(parts, 1)))
    out: list[Block] = []
    start = 0
    for at in range(size, count, size):  # cut after line `at` (1-based) of the block
        end = ends[at - 1] + 1
        out.append((first, data[start:end]))
        first, start = first + size, end
    out.append((first, data[start:]))
    return out


class _BlockReader:
    """The buffer behind `line_blocks`: whole lines are handed on as runs, not one by one."""

    def __init__(self, source: BinaryIO, limit: int, read_size: int) -> None:
        self.source, self.limit, self.read_size = source, limit, read_size
        self.buf = b""
        self.pos = 0  # where the unread part of buf starts (always at a line's start)

    def block(self, lines: int) -> tuple[bytes, int]:
        pieces: list[bytes] = []
        count = 0
        run = self.pos  # the start of the current run of whole lines within the limit
        while count < lines:
            end = self.buf.find(b"\n", self.pos)
            if end >= 0 and end - self.pos <= self.limit:
                self.pos = end + 1
                count += 1
                continue
            pieces.append(self.buf[run:self.pos])
            if end >= 0 or len(self.buf) - self.pos > self.limit:  # an over-long line
                pieces.append(self.buf[self.pos:self.pos + self.limit + 1] + b"\n")
                count += 1
                self._skip_line()
            elif not self._fill():  # the end of the input
                if self.pos < len(self.buf):  # a last line without a newline
                    pieces.append(self.buf[self.pos:])
                    count += 1
                    self.pos = len(self.buf)
                run = self.pos
                break
            run = self.pos
        pieces.append(self.buf[run:self.pos])
        return b"".join(pieces), count

    def _fill(self) -> bool:
        """Read more after the unread part; False at the end of the input."""
        chunk = self.source.read(self.read_size)
        if not chunk:
            return False
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def _skip_line(self) -> None:
        """Move past the end of the current line, reading as far as it takes."""
        while (end := self.buf.find(b"\n", self.pos)) < 0:
            self.pos = len(self.buf)
            if not self._fill():
                return
        self.pos = end + 1


def numbered_lines(lines: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, line) of each non-blank line, counting from 1; a byte-order mark some
    editors put before the first line is dropped."""
    for lineno, raw in enumerate(lines, start=1):
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if raw and not raw.isspace():
            yield lineno, raw
