"""Data files are read by libyaml under PyYAML's composer: the same nodes as PyYAML alone, and PyYAML's messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from dutydir.data import limits
from dutydir.tools import synth

ROOT = Path(__file__).resolve().parent.parent


def shape(node: yaml.Node) -> Any:
    """Everything the checker and the editing commands read of a node tree: tags, values, styles, places."""
    marks = (node.start_mark.line, node.start_mark.column, node.start_mark.index, node.end_mark.index)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [shape(n) for n in node.value], node.flow_style, marks)
    return (node.tag, [(shape(k), shape(v)) for k, v in node.value], node.flow_style, marks)


def data_files(tmp_path: Path) -> list[Path]:
    """The real data, the test units and a synthetic city of four units."""
    synth.synth(tmp_path / "city", 4, 3)
    return [
        ROOT / "data" / "leaders.yaml",
        *sorted((ROOT / "tests" / "data").rglob("*.yaml")),
        *sorted((tmp_path / "city").rglob("*.yaml")),
    ]


def test_libyaml_and_pyyaml_compose_the_same_nodes(tmp_path: Path) -> None:
    files = data_files(tmp_path)
    assert yaml.__with_libyaml__ and len(files) > 6
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast, pure = limits.single_node(limits.FastLoader(text)), limits.single_node(limits.LimitedLoader(text))
        assert fast is not None and pure is not None
        assert shape(fast) == shape(pure), path


@pytest.mark.parametrize(
    "text",
    [
        "unit: [a, b\n",  # libyaml's message would differ: PyYAML's is given
        "unit:\n  id: a\n id: b\n",
        "a: &x [*x]\n",  # composed by either, refused by the limits
        "a: \x07\n",  # non-printable: PyYAML's reader names the character
    ],
)
def test_what_is_refused_is_refused_as_pyyaml_alone_refuses_it(text: str) -> None:
    with pytest.raises(Exception) as fast:
        limits.compose(text)
    with pytest.raises(Exception) as pure:
        root = limits.single_node(limits.LimitedLoader(text))
        assert root is not None
        limits.count_nodes(root)
    assert type(fast.value) is type(pure.value) and str(fast.value) == str(pure.value)
