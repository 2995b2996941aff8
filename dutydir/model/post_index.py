"""The base of ``Directory``'s queries: the day it describes and its posts by id."""

from __future__ import annotations

import datetime as dt

from dutydir.model.records import Post


class PostIndex:
    """Finding a post by its id; the queries mixed into ``Directory`` build on it, and ``Directory`` fills the fields."""

    posts: tuple[Post, ...]
    as_of: dt.date
    _posts_by_id: dict[str, Post]

    def post(self, post_id: str) -> Post:
        """The post with this id."""
        return self._posts_by_id[post_id]
