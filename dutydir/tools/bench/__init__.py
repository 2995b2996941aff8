"""The benchmark of the site build: measure (measure.py, builds.py, reader.py) into JSON (results.py), then render
docs/benchmarks.md from that JSON (report.py), every conclusion computed from the numbers. Run: `make bench`."""
