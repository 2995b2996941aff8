"""dutydir: the work-safety responsibility directory of a district government, from YAML to a site."""

from .errors import DataError, Problem
from .load import load_directory

__all__ = ["DataError", "Problem", "load_directory"]
