"""MkDocs hooks of this site: the directory's build hooks, from the package (see dutydir/build/hooks.py)."""

from dutydir.build.hooks import on_config, on_env, on_files, on_post_build, on_serve

__all__ = ["on_config", "on_env", "on_files", "on_post_build", "on_serve"]
