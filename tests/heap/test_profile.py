"""--heap-profile=yes prints exact per-site numbers.  The expected values
come from profile_sites.c's design:

  site_c: 1 block of 50 bytes, allocated first (birth 0), kept.
  site_a: 10 blocks of 100 bytes (births 50 .. 950), 4 freed: 6 live.
  site_b: 5 blocks of 1000 bytes, each freed at once.

The clock is bytes allocated so far: 50 + 1000 + 5000 = 6050 at exit.
Live bytes peak when site_b's first block arrives: 50 + 600 + 1000 = 1650
bytes in 8 blocks, at time 50 + 1000 + 1000 = 2050.  site_a's oldest live
block is a[4], born at 50 + 4*100 = 450, so its age is 6050 - 450 = 5600;
site_c's is 6050 - 0."""

import re

from harness import memcheck, memroot

SITE = re.compile(
    r"site (\d+) of (\d+): ([\d,]+) allocs, ([\d,]+) bytes allocated\n"
    r"==\d+==   live: ([\d,]+) bytes in ([\d,]+) blocks \(peak ([\d,]+) bytes, "
    r"peak ([\d,]+) blocks\)\n"
    r"(?:==\d+==   oldest live block: age ([\d,]+)\n)?"
    r"==\d+==    at 0x[0-9A-F]+: malloc .*\n"
    r"==\d+==    by 0x[0-9A-F]+: (\w+) ")


def _n(s):
    return None if s is None else int(s.replace(",", ""))


def profile(rep):
    sites = {}
    for m in SITE.finditer(rep.text):
        sites[m[10]] = dict(rank=_n(m[1]), of=_n(m[2]), allocs=_n(m[3]),
                            bytes=_n(m[4]), live_bytes=_n(m[5]),
                            live_blocks=_n(m[6]), peak_bytes=_n(m[7]),
                            peak_blocks=_n(m[8]), age=_n(m[9]))
    return sites


EXPECTED = {
    "site_c": dict(allocs=1, bytes=50, live_bytes=50, live_blocks=1,
                   peak_bytes=50, peak_blocks=1, age=6050),
    "site_a": dict(allocs=10, bytes=1000, live_bytes=600, live_blocks=6,
                   peak_bytes=1000, peak_blocks=10, age=5600),
    "site_b": dict(allocs=5, bytes=5000, live_bytes=0, live_blocks=0,
                   peak_bytes=1000, peak_blocks=1, age=None),
}


def test_profile_numbers_are_exact(build):
    prog = build("profile_sites.c")
    rep = memroot(prog, "--heap-profile=yes")
    got = profile(rep)
    for site, want in EXPECTED.items():
        assert {k: got[site][k] for k in want} == want, rep.text
    assert "peak live: 1,650 bytes in 8 blocks at time 2,050; now 6,050" \
        in rep.text
    # The profile does not disturb the totals.
    assert rep.heap == memcheck(prog).heap


def test_profile_sorted_by_key(build):
    prog = build("profile_sites.c")
    order = {
        "live-bytes": ["site_a", "site_c", "site_b"],
        "bytes": ["site_b", "site_a", "site_c"],
        "allocs": ["site_a", "site_b", "site_c"],
        "peak-blocks": ["site_a", "site_c", "site_b"],
    }
    for key, want in order.items():
        got = profile(memroot(prog, "--heap-profile=yes",
                              "--heap-profile-sort=" + key))
        assert sorted(got, key=lambda s: got[s]["rank"]) == want, key


def test_profile_top_limits_sites(build):
    rep = memroot(build("profile_sites.c"), "--heap-profile=yes",
                  "--heap-profile-top=1", "--heap-profile-sort=peak-bytes")
    got = profile(rep)
    # site_a and site_b tie at 1000 bytes: the first allocated wins.
    assert list(got) == ["site_a"]
    assert got[list(got)[0]]["of"] == 3
    assert "HEAP PROFILE: 1 of 3 allocation sites, by peak-bytes" in rep.text


def test_profile_off_by_default(build):
    assert "HEAP PROFILE" not in memroot(build("profile_sites.c")).text


def test_bad_profile_sort_key_rejected(build):
    rep = memroot(build("profile_sites.c"), "--heap-profile-sort=size")
    assert rep.returncode == 1
    assert rep.text.splitlines()[:2] == [
        "valgrind: Bad option: --heap-profile-sort=size",
        "valgrind: expected one of live-bytes, peak-bytes, bytes, allocs, "
        "live-blocks, peak-blocks"]
