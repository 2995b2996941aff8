"""A Makefile for the shards of a site: `make -j N` builds the shards whose fingerprint changed, then merges.

Make is on every Linux server and is what most job runners (a CI job, a cron job, a batch system)
can call. Each shard is a target of its own that depends on the unit's fingerprint file, which
`dutydir plan` rewrites only when the unit's inputs changed; so make rebuilds exactly those shards,
as many at a time as -j allows, and the merge runs once all are done. On several machines sharing
the store (an NFS mount), each machine may run `make -f STORE/Makefile shards UNITS="..."` for its
share, and one of them the merge.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from dutydir.build.site_plan import Plan

NAME = "Makefile"


def makefile(plan: Plan, store: Path, config_file: Path, dutydir: str) -> str:
    """The Makefile's text for a plan written in ``store``."""
    units = " \\\n\t".join(plan.files)
    return f"""# Written by `dutydir plan`; run again when the data changes. Build with: make -j2 -f {shlex.quote(str(store / NAME))}
# Each shard depends on its unit's fingerprint, rewritten by `dutydir plan` only when that unit's inputs change.
DUTYDIR ?= {shlex.quote(dutydir)}
CONFIG := {shlex.quote(str(config_file.resolve()))}
STORE := {shlex.quote(str(store.resolve()))}
SITE ?= $(STORE)/site
UNITS ?= {units}

.PHONY: all shards
.DELETE_ON_ERROR:

all: $(SITE)/.merged

shards: $(foreach u,$(UNITS),$(STORE)/$(u)/shard.json)

$(STORE)/%/shard.json: $(STORE)/fingerprints/%
\t$(DUTYDIR) build-unit $* $(STORE)/$* --config $(CONFIG)

# The merge writes a new folder and puts it in place of the old one only when it is complete.
$(SITE)/.merged: $(foreach u,$(UNITS),$(STORE)/$(u)/shard.json) $(STORE)/plan.json
\trm -rf $(SITE).new
\t$(DUTYDIR) merge $(STORE) $(SITE).new
\ttouch $(SITE).new/.merged
\trm -rf $(SITE).old; if [ -d $(SITE) ]; then mv $(SITE) $(SITE).old; fi; mv $(SITE).new $(SITE); rm -rf $(SITE).old
"""
