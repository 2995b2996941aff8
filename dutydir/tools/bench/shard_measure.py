"""The benchmark of sharded builds: today's single build against shards, side by side in one run.

On one synthetic city: the first build whole and as shards with 1 and 2 workers, the time from
`dutydir appoint` to a published site before (whole build) and after (shards), the bytes on disk;
the real district's change-to-published; and first sharded builds at several sizes, per page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dutydir.tools import synth
from dutydir.tools.bench.builds import CONFIG, ROOT, Bench, BenchError
from dutydir.tools.bench.measure import SEED
from dutydir.tools.bench.shard_results import CitySize, Run, ShardRun

DUTYDIR = str(Path(sys.executable).with_name("dutydir"))
UNIT_APPOINT = ("units/unit-0002.yaml", "p-03", ("钱新任", "孙新任", "李新任"), "2025-12-01")
"""The change in another unit than the main one: its file, the post, a new holder for each side, the day."""
DISTRICT_APPOINT = ("fuquzhang-jiaotong", "王新任", "2025-12-01")
"""The change in the real district: a post of data/leaders.yaml, a new holder, the day."""
WHOLE_PUBLISH = "import sys; from pathlib import Path; from dutydir.build import publish; " + (
    "publish.publish(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))"
)
"""Today's publish: one whole `mkdocs build` (what `dutydir publish` did before shards)."""


def timed(commands: list[list[str]], env: dict[str, str]) -> Run:
    """Run commands one after another as one timed process tree; its wall time, CPU and peak memory."""
    script = " && ".join(" ".join(map(sh_quote, c)) for c in commands)
    start = time.perf_counter()
    proc = subprocess.Popen(["sh", "-c", script], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise BenchError(f"{script} failed:\n{proc.stderr.read().decode(errors='replace') if proc.stderr else ''}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)


def sh_quote(word: str) -> str:
    """A word quoted for sh."""
    return "'" + word.replace("'", "'\\''") + "'"


def site_bytes(site: Path, linked_only: bool = False) -> int:
    """Bytes of a folder's files; with ``linked_only``, only of those not hard-linked elsewhere."""
    files = [p for p in site.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files if not linked_only or p.stat().st_nlink == 1)


def stamps(store: Path) -> dict[str, int]:
    """Each shard's shard.json inode: a rebuilt shard is a new file."""
    return {p.parent.name: p.stat().st_ino for p in store.glob("*/shard.json")}


def measure(bench: Bench, units: int, sizes: list[int], progress: Callable[[str], None], note: str = "") -> ShardRun:
    """Every measurement of sharded builds, in one run."""
    work = bench.tmp / "shards"
    cache = work / "cache"
    datas = {side: work / f"data-{side}" for side in ("whole", "shards", "material")}
    for data in datas.values():
        synth.synth(data, units, SEED)
    env = bench.env(cache, datas["whole"], "auto")
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG)]
    timed([[*build, "-d", str(work / "warm")]], env)
    single = timed([[*build, "-d", str(work / "single")]], env)
    progress(f"shards: {units} units whole in {single.seconds:.1f} s")
    jobs = {}
    for n in ("1", "2"):
        site, store = work / f"sharded-{n}", work / f"store-{n}"
        jobs[n] = timed([[DUTYDIR, "build-site", str(site), "--shards", str(store), "--jobs", n]], env)
        progress(f"shards: {units} units as shards with {n} worker(s) in {jobs[n].seconds:.1f} s")
    pages = sum(1 for _ in (work / "sharded-2").rglob("*.html"))
    before, _ = publish_after_appoint(work / "www-whole", datas["whole"], env, whole=True, who=0)
    progress(f"shards: appoint to published, whole: {before.seconds:.1f} s")
    env_shards = bench.env(cache, datas["shards"], "auto")
    after, rebuilt = publish_after_appoint(work / "www-shards", datas["shards"], env_shards, whole=False, who=1)
    store = work / "www-shards.shards"
    progress(f"shards: appoint to published, shards: {after.seconds:.1f} s ({rebuilt} shard(s) rebuilt)")
    env_material = bench.env(cache, datas["material"], "material")
    material, _ = publish_after_appoint(work / "www-material", datas["material"], env_material, whole=False, who=2)
    progress(f"shards: appoint to published, shards, Material's search: {material.seconds:.1f} s")
    release = (work / "www-shards").resolve()
    pagefind_alone = index_alone(release, work / "pagefind-alone", env_shards)
    progress(f"shards: Pagefind alone on the merged city: {pagefind_alone.seconds:.1f} s")
    district, printed, lists = district_publish(bench, work, cache)
    progress(f"shards: district appoint to published: {district.seconds:.1f} s, {printed} of {lists} PDFs printed")
    draft, _, _ = district_publish(bench, work, cache, pdf="off")
    progress(f"shards: district appoint to published, no PDFs: {draft.seconds:.1f} s")
    measured = ShardRun(
        units=units,
        pages=pages,
        single=single,
        jobs=jobs,
        publish_before=before,
        publish_after=after,
        rebuilt=rebuilt,
        district=district,
        single_bytes=site_bytes(work / "single"),
        merged_bytes=site_bytes(work / "sharded-2"),
        release_bytes=site_bytes(release, linked_only=True),
        store_bytes=site_bytes(store),
        note=note,
        publish_material=material,
        pagefind=pagefind_alone,
        district_draft=draft,
        district_printed=printed,
        district_lists=lists,
    )
    for size in sizes:
        measured.sizes.append(city_size(bench, work, size))
        progress(f"shards: {size} units as shards in {measured.sizes[-1].build.seconds:.1f} s")
    shutil.rmtree(work)
    return measured


def publish_after_appoint(dest: Path, data: Path, env: dict[str, str], whole: bool, who: int) -> tuple[Run, int]:
    """Publish once, then time `dutydir appoint` in another unit and the publish after it; and shards rebuilt."""
    publish = (
        [sys.executable, "-c", WHOLE_PUBLISH, str(data / "leaders.yaml"), str(dest), str(CONFIG)]
        if whole
        else [DUTYDIR, "publish", str(dest), "--data", str(data / "leaders.yaml"), "--jobs", "2"]
    )
    timed([publish], env)
    store = dest.with_name(dest.name + ".shards")
    first = stamps(store)
    file, post, people, day = UNIT_APPOINT
    appoint = [DUTYDIR, "appoint", post, people[who], "--date", day, "--data", str(data / file)]
    run = timed([appoint, publish], env)
    rebuilt = sum(stamp != first.get(unit) for unit, stamp in stamps(store).items())
    page = dest / "unit-0002" / "leaders" / post / "index.html"
    if people[who] not in page.read_text(encoding="utf-8"):
        raise BenchError(f"the published {page} does not show {people[who]}")
    return run, rebuilt


def index_alone(release: Path, copy: Path, env: dict[str, str]) -> Run:
    """Pagefind alone indexing a copy of a published site (hard links, its own index left out)."""
    shutil.copytree(release, copy, copy_function=os.link, ignore=shutil.ignore_patterns("pagefind"))
    index = (
        "import sys; from pathlib import Path; from dutydir.build import pagefind; pagefind.index(Path(sys.argv[1]))"
    )
    run = timed([[sys.executable, "-c", index, str(copy)]], env)
    shutil.rmtree(copy)
    return run


def district_publish(bench: Bench, work: Path, cache: Path, pdf: str = "on") -> tuple[Run, int, int]:
    """The real district: publish once, then time `dutydir appoint` and `dutydir publish` (one unit: built whole).

    Also the PDFs that second publish printed (new in the PDF cache), and the PDFs the district has.
    """
    data = work / f"district-pdf-{pdf}"
    data.mkdir()
    for name in ("leaders.yaml", "notice.md"):
        shutil.copy2(ROOT / "data" / name, data / name)
    env = {**bench.env(cache, data / "leaders.yaml", "auto"), "DUTYDIR_PDF": pdf}
    publish = [DUTYDIR, "publish", str(work / f"www-district-pdf-{pdf}"), "--data", str(data / "leaders.yaml")]
    timed([publish], env)
    printed = Path(f"{cache}-pdf")
    before = set(printed.glob("*.pdf"))
    post, person, day = DISTRICT_APPOINT
    run = timed([[DUTYDIR, "appoint", post, person, "--date", day, "--data", str(data / "leaders.yaml")], publish], env)
    lists = sum(1 for _ in (work / f"www-district-pdf-{pdf}" / "documents").rglob("*.pdf"))
    return run, len(set(printed.glob("*.pdf")) - before), lists


def city_size(bench: Bench, work: Path, units: int) -> CitySize:
    """A first sharded build with 2 workers of a city of so many units, from an empty chart cache."""
    data, site, store, cache = (work / f"size-{units}-{name}" for name in ("data", "site", "store", "cache"))
    synth.synth(data, units, SEED)
    run = timed(
        [[DUTYDIR, "build-site", str(site), "--shards", str(store), "--jobs", "2"]], bench.env(cache, data, "auto")
    )
    pages = sum(1 for _ in site.rglob("*.html"))
    shutil.rmtree(site)
    shutil.rmtree(store)
    return CitySize(units, pages, run)
