"""Benchmark of the site build (`make bench`): measures, writes docs/benchmarks.json, renders docs/benchmarks.md.

The code is the package dutydir.tools.bench; `--quick` is a short trial, `--render` only renders the page.
"""

from dutydir.tools.bench.run import main

if __name__ == "__main__":
    main()
