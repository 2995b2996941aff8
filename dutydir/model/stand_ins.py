"""Who holds a post on a day and who stands in: stand-ins, AB partners and commissioners; mixed into ``Directory``."""

from __future__ import annotations

import datetime as dt

from dutydir.model.post_index import PostIndex
from dutydir.model.records import AbPair, Acting, Commissioner, Holding, Post
from dutydir.model.span import latest_covering


class StandInQueries(PostIndex):
    """Holders, stand-ins, AB pairs and commissioners on ``day`` (default the directory's day)."""

    ab_pairs: tuple[AbPair, ...]
    commissioners: dict[str, Commissioner]

    def holder(self, post: Post, day: dt.date | None = None) -> Holding | None:
        """Who holds the post on ``day`` (default the directory's day); None for a vacancy."""
        return latest_covering(post.holders, day or self.as_of)

    def holder_on(self, post: Post, day: dt.date) -> Holding | None:
        """Who holds the post on a given day."""
        return latest_covering(post.holders, day)

    def acting_now(self, post: Post, day: dt.date | None = None) -> Acting | None:
        """The stand-in in force on ``day`` (default the directory's day), if any."""
        return next((a for a in post.acting if a.covers(day or self.as_of)), None)

    def acting_name(self, acting: Acting) -> str:
        """The stand-in's name: the holder of the post named by id on its first day, else the name as given."""
        if acting.by in self._posts_by_id:
            holder = self.holder_on(self.post(acting.by), acting.start)
            return holder.person if holder else f"{self.post(acting.by).name}（空缺）"
        return acting.by

    def standing_in(self, person: str, day: dt.date | None = None) -> list[tuple[Post, Acting]]:
        """The posts a person stands in for on ``day`` (default the directory's day), with each stand-in period."""
        on = day or self.as_of
        return [(p, a) for p in self.posts for a in p.acting if a.covers(on) and self.acting_name(a) == person]

    def partner(self, post: Post, day: dt.date | None = None) -> Post | None:
        """The post paired with this one (AB角) on ``day`` (default the directory's day)."""
        return self.partner_on(post, day or self.as_of)

    def partner_on(self, post: Post, day: dt.date) -> Post | None:
        """The post paired with this one (AB角) on a given day."""
        for pair in self.ab_pairs:
            if pair.covers(day) and post.id in pair.posts:
                other = pair.posts[1] if pair.posts[0] == post.id else pair.posts[0]
                return self.post(other)
        return None

    def pair_of(self, post: Post, day: dt.date | None = None) -> AbPair | None:
        """The AB pair the post is in on ``day`` (default the directory's day)."""
        on = day or self.as_of
        return next((p for p in self.ab_pairs if p.covers(on) and post.id in p.posts), None)

    def current_pairs(self, day: dt.date | None = None) -> list[AbPair]:
        """AB pairs in force on ``day`` (default the directory's day), in the order written."""
        return [p for p in self.ab_pairs if p.covers(day or self.as_of)]

    def commissioner(self, post: Post) -> Commissioner | None:
        """The commissioner post attached to a leader post."""
        return self.commissioners.get(post.id)

    def commissioner_holder(self, post: Post, day: dt.date | None = None) -> Holding | None:
        """Who serves as the post's commissioner on ``day`` (default the directory's day)."""
        c = self.commissioner(post)
        return latest_covering(c.holders, day or self.as_of) if c else None
