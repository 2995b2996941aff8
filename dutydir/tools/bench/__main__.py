"""python -m dutydir.tools.bench: the same as scripts/bench.py."""

from dutydir.tools.bench.run import main

main()
