"""Split a plain text into blocks: runs of non-blank lines, with their line number.

Robust to CRLF / CR line ends, a byte-order mark, trailing spaces, lines made
only of (non-breaking) spaces, and any number of blank lines between blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass
class Block:
    line: int  # 1-based number of the block's first line
    lines: list[str]

    @property
    def text(self) -> str:
        """The block as one paragraph: its lines joined by a space."""
        return " ".join(self.lines)

    @property
    def raw(self) -> str:
        return "\n".join(self.lines)


def read_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(LINE_END.split(text.lstrip("\ufeff")), start=1):
        line = line.strip()
        if not line:
            current = None
            continue
        if current is None:
            current = Block(number, [])
            blocks.append(current)
        current.lines.append(line)
    return blocks
