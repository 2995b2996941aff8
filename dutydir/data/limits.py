"""Limits on what a data file may hold, enforced while reading it, so that no input can hang or exhaust a build.

PyYAML composes an alias as a reference to its anchor's node, so a 15 KB file of nested aliases
("an alias bomb") is small in memory but billions of nodes to walk; nesting a thousand levels deep
overflows Python's stack. Both are refused here, at the place in the file where the limit is passed,
before the checker walks anything.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import yaml

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: PyYAML alone reads every file, more slowly.
    CParser = yaml.parser.Parser  # type: ignore[assignment, misc]

MAX_FILE_BYTES = 4 * 1024 * 1024
"""A unit's data file: the real one is 30 KB; a synthetic unit of 1,000 sectors about 300 KB."""
MAX_TEXT_FILE_BYTES = 1024 * 1024
"""The notice's text: the real one is 20 KB."""
MAX_DEPTH = 32
"""Nesting of mappings and lists: the data file's shape needs 8."""
MAX_NODES = 200_000
"""Nodes after expanding every alias: a 4 MB file written out in full holds fewer."""


class LimitError(Exception):
    """A file passes a limit; ``line`` and ``column`` (1-based) say where."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; OSError (with a Chinese strerror) otherwise.

    Opened without blocking and checked on the open descriptor, so a FIFO, a device such as
    /dev/zero or a file swapped in between the check and the read is refused, never read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "不是普通文件（可能是目录、管道或设备）")
        if info.st_size > limit:
            raise OSError(errno.EFBIG, f"文件有 {info.st_size:,} 字节，超过上限 {limit:,} 字节")
        chunks = []
        size = 0
        while chunk := os.read(fd, 65536):
            size += len(chunk)
            if size > limit:  # the file grew while being read
                raise OSError(errno.EFBIG, f"文件超过上限 {limit:,} 字节")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class DepthLimit:
    """A composer that stops at a nesting depth (mixed into a loader before PyYAML's Composer)."""

    depth: int

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        """Compose one node, refusing to go deeper than MAX_DEPTH."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[attr-defined]
                raise LimitError(mark.line + 1, mark.column + 1, f"嵌套超过 {MAX_DEPTH} 层；数据文件用不到这么深的结构")
            return super().compose_node(parent, index)  # type: ignore[misc, no-any-return]
        finally:
            self.depth -= 1


class LimitedLoader(DepthLimit, yaml.SafeLoader):
    """PyYAML's safe loader that stops at a nesting depth."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0


class FastLoader(DepthLimit, yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):  # type: ignore[misc]
    """libyaml's scanner and parser (in C) under PyYAML's composer, with the same depth limit: the same nodes, faster.

    PyYAML's pure-Python scanner is most of the time a data file takes to load (a city of 192 units:
    seconds). Only the composer, which the limits need, stays in Python.
    """

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self.depth = 0

    def compose_scalar_node(self, anchor: str | None) -> yaml.ScalarNode:
        """A scalar node as PyYAML makes it: libyaml calls a plain scalar's style '', PyYAML None."""
        node: yaml.ScalarNode = super().compose_scalar_node(anchor)  # type: ignore[no-untyped-call]
        if node.style == "":
            node.style = None
        return node


NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
"""What PyYAML's reader refuses, naming the character: such a text is read by PyYAML alone."""


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of a text, within the limits; raises LimitError or yaml.YAMLError.

    libyaml reads the text when it is at hand and the text is printable; on any YAML error the text
    is read again by PyYAML alone, so that the message and its place are PyYAML's, as always.
    """
    root = None
    fast = CParser is not yaml.parser.Parser and not NON_PRINTABLE.search(text)
    if fast:
        try:
            root = single_node(FastLoader(text))
        except yaml.YAMLError:
            fast = False
    if not fast:
        root = single_node(LimitedLoader(text))
    if root is not None:
        count_nodes(root)
    return root


def single_node(loader: LimitedLoader | FastLoader) -> yaml.Node | None:
    """The loader's one document, the loader disposed of afterwards."""
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


def count_nodes(root: yaml.Node) -> None:
    """Raise LimitError where the tree, with every alias expanded, passes MAX_NODES or refers to itself.

    Each shared node's expanded size is computed once, so this takes time in the file's size, not
    in the (possibly astronomic) size of the expansion.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    # Post-order walk without recursion: (node, children done?).
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        kids = children(node)
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if not done:
            if id(node) in open_nodes:
                raise LimitError(line, column, "锚点（&）的内容里又引用了它自己（*）")
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in kids if id(child) not in sizes)
            continue
        open_nodes.discard(id(node))
        total = 1 + sum(sizes[id(child)] for child in kids)
        if total > MAX_NODES:
            raise LimitError(line, column, f"展开锚点和别名（& 与 *）后超过 {MAX_NODES:,} 个节点；请不要用别名层层引用")
        sizes[id(node)] = total


def children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes directly under a node: a list's items, or a mapping's keys and values."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
