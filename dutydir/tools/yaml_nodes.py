"""A data file's text with its YAML node tree, read by node position: the part of an edit that only reads."""

from __future__ import annotations

import yaml

from dutydir.tools.errors import EditError


class Nodes:
    """A data file's text with its node tree; ``splice.Source`` adds the splices that change it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if not isinstance(root, yaml.MappingNode):
            raise EditError("数据文件的顶层不是映射（键: 值）")
        self.root = root

    def get(self, node: yaml.Node, key: str) -> yaml.Node | None:
        """The value of a key in a mapping node."""
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    return v
        return None

    def items(self, node: yaml.Node | None) -> list[yaml.Node]:
        """The items of a sequence node (none for an absent or empty value)."""
        return list(node.value) if isinstance(node, yaml.SequenceNode) else []

    def post(self, pid: str) -> yaml.MappingNode:
        """The mapping node of a post by id."""
        for node in self.items(self.get(self.root, "posts")):
            value = self.get(node, "id")
            if isinstance(node, yaml.MappingNode) and isinstance(value, yaml.ScalarNode) and value.value == pid:
                return node
        raise EditError(f"数据文件中没有职务“{pid}”")
