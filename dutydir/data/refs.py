"""What every stage of building the model shares: the report, the day, and the posts found so far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dutydir import model
from dutydir.data.fields import Record, Report, suggest
from dutydir.model.span import latest_covering

SHOWN = 3
"""How many sectors a post's label lists before '等N个领域' (as the edit commands do)."""


@dataclass
class Refs:
    """The posts of a unit by id, with their records, to resolve and report references against."""

    report: Report
    """Where every error and warning goes."""
    day: dt.date
    """The day the directory describes."""
    foreign: Mapping[str, str]
    """Post ids of the site's other units, mapped to their unit."""
    posts: dict[str, model.Post] = field(default_factory=dict)
    """Leader posts by id, in the notice's order."""
    records: dict[str, Record] = field(default_factory=dict)
    """Each post's checked record, for places in messages."""

    def post_ref(self, ref: Any, entity: str, what: str, zh: str = "") -> str | None:
        """A reference to a post of this unit, or None after reporting it (in Chinese when ``zh`` names it)."""
        if ref in self.posts:
            return str(ref)
        if zh:
            hint = suggest(str(ref), list(self.posts))
            elsewhere = (
                f"是单位“{self.foreign[ref]}”的职务，不能跨单位引用" if ref in self.foreign else "不是本单位的职务"
            )
            self.report.add((ref.line, ref.column), entity, f"{zh}“{ref}”{elsewhere}{hint}")
            return None
        if ref in self.foreign:
            message = f"{what}“{ref}”是单位“{self.foreign[ref]}”的职务，不能跨单位引用"
        else:
            message = f"{what}“{ref}”不是本单位的职务{suggest(str(ref), list(self.posts))}"
        self.report.add((ref.line, ref.column), entity, message)
        return None

    def entity_of(self, pid: str | None) -> str:
        """A post's current holder's name, for messages; the id when vacant or unknown."""
        if pid is None or pid not in self.posts:
            return str(pid)
        holder = latest_covering(self.posts[pid].holders, self.day)
        return holder.person if holder else pid

    def post_label(self, pid: str) -> str:
        """A post as the notice names it: '副镇长（应急管理、城镇燃气）' when other posts share its name, else '镇长'."""
        post = self.posts[pid]
        if sum(p.name == post.name for p in self.posts.values()) == 1:
            return post.name
        names = [
            str(s["name"])
            for s in self.records[pid].get("sectors", [])
            if s.get("from", self.day) <= self.day and s.get("to", self.day) >= self.day
        ]
        shown = "、".join(names[:SHOWN]) + (f"等{len(names)}个领域" if len(names) > SHOWN else "")
        return f"{post.name}（{shown}）" if names else post.name

    def post_name(self, pid: str) -> str:
        """A post and its holder as the edit commands name them: '副镇长（城镇燃气）张三', or '…（空缺）'."""
        if pid not in self.posts:
            return f"“{pid}”"
        holder = latest_covering(self.posts[pid].holders, self.day)
        return self.post_label(pid) + (holder.person if holder else "（空缺）")
