"""The charts of a build: placeholders while the pages are made, then every chart rendered side by side."""

from __future__ import annotations

import functools
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dutydir.build import svg
from dutydir.data.units import Site
from dutydir.render import pages
from dutydir.render.site import site_pages


def generated_pages(
    site: Site, cache: Path, directory_urls: bool = True, templates: Path | None = None, pdf: bool = True
) -> dict[str, str]:
    """Every generated page of a site by its source path, with its charts rendered (or read from ``cache``).

    ``templates`` is the site's folder of its own page templates, if it has one; ``pdf`` says whether the
    lists are printed to PDF, so that pages link them.
    """
    later = Later(functools.partial(svg.render, cache_dir=cache))
    return later.fill(site_pages(site, later, directory_urls, templates, pdf))


class Later:
    """A chart function that hands out placeholders, then renders every chart at once and puts them in.

    Each chart is one Graphviz process; rendered side by side, they use every core of the machine
    while MkDocs uses one. The pages come out the same as with ``chart`` called in place.
    """

    PLACEHOLDER = re.compile("\0chart-([0-9]+)\0")

    def __init__(self, chart: pages.Chart) -> None:
        self.chart = chart
        self.dots: dict[str, str] = {}
        """Each DOT asked for, with its placeholder."""

    def __call__(self, dot: str) -> str:
        return self.dots.setdefault(dot, f"\0chart-{len(self.dots)}\0")

    def fill(self, texts: dict[str, str]) -> dict[str, str]:
        """The texts with every placeholder replaced by its chart; the first chart that fails raises."""
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            svgs = list(pool.map(self.chart, self.dots))
        return {
            path: self.PLACEHOLDER.sub(lambda m: svgs[int(m.group(1))], text) if "\0" in text else text
            for path, text in texts.items()
        }
