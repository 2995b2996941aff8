"""dutydir: the work-safety responsibility directory of a district government, from YAML to a site."""

from dutydir.data.errors import DataError, Problem
from dutydir.data.load import load_directory

__all__ = ["DataError", "Problem", "load_directory"]
