"""The retention monitor commands: which roots retain the heap now, which
grew since the last report, and the paths to a given block."""

import os
import re
import sys

import pytest

from harness import parse_retention
from monitor import memroot_cmd, programs

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "retention"))
from stackview import parse_stack_views  # noqa: E402


@pytest.fixture
def cache(build, tmp_path):
    with programs() as start:
        yield start(memroot_cmd(), build("cache_grows.c"), tmp_path)


def report(lines):
    """The retention report in vgdb's output (prefixes put back)."""
    return parse_retention("\n".join(
        l if l.startswith("==") else "==1== " + l for l in lines))[0]


def g_cache(rep):
    """The line of g_cache (libc's stdout buffer is a root too)."""
    [root] = [r for r in rep.roots if r.name.startswith("global g_cache in ")]
    return root


def test_retention_names_the_global_and_its_size(cache):
    root = g_cache(report(cache.vgdb("retention")))
    assert (root.bytes, root.blocks) == (4 * 48, 4)
    cache.finish()


def test_retention_increased_shows_the_growth_since_the_last_report(cache):
    cache.vgdb("retention")
    cache.next_phase()
    rep = report(cache.vgdb("retention increased"))
    assert [(r.name.split()[1], r.bytes, r.growth_bytes, r.growth_blocks)
            for r in rep.roots] == [("g_cache", 12 * 48, 8 * 48, 8)]
    cache.finish()


def test_retention_changed_lists_nothing_when_nothing_changed(cache):
    cache.vgdb("retention")
    out = "\n".join(cache.vgdb("retention changed"))
    assert "No root's retained memory changed since the last retention report" in out
    assert report(out.splitlines()).roots == []
    cache.finish()


def test_retention_path_to_a_block_goes_through_its_root(cache, source_line):
    path = g_cache(report(cache.vgdb("retention", raw=True))).path
    # The second hop's block: reached from g_cache through the first entry.
    addr = re.search(r"its word at \+0 points to block (0x[0-9a-f]+)", path[3])
    assert addr is not None, path
    out = cache.vgdb("retention_path %s" % addr[1], memroot_only=True)
    text = "\n".join(out)
    assert "is retained through 1 shortest path:" in text, text
    assert re.search(r"From global g_cache in \S+ \(which alone retains it\):",
                     text), text
    assert "stored at 0x…: fill (cache_grows.c:%d)" % source_line(
        "cache_grows.c", "store") in text
    cache.finish()


@pytest.mark.parametrize("command, complaint", [
    ("retention bogus", ["bogus does not match any of 'any increased changed "
                         "limited stacks'", "unknown retention argument: 'bogus'"]),
    ("retention limited 0", ["limited needs a number of roots >= 1: '0'"]),
    ("retention_path", ["missing address or record"]),
    ("retention_path nowhere",
     ["malformed address (0x followed by at most 16 hex digits): 'nowhere'"]),
    ("retention_path 0x1000 many", ["malformed number of paths: 'many'"]),
    ("retention_path record 0", ["record needs a loss record number >= 1: '0'"]),
])
def test_malformed_retention_command_says_what_and_shows_usage(cache, command,
                                                               complaint):
    out = cache.vgdb(command)
    cache.next_phase()                    # the program goes on
    cache.finish()
    assert cache.proc.returncode == 0
    assert out[:len(complaint) + 1] == complaint + ["usage:"]
    assert out[len(complaint) + 1].startswith("  " + command.split()[0] + " ")


def test_retention_path_to_memory_outside_the_heap_says_so(cache):
    out = cache.vgdb("retention_path 0x1000")
    cache.finish()
    assert out == ["0x… is not in a live heap block"]


@pytest.fixture
def local_grows(build, tmp_path):
    with programs() as start:
        yield start(memroot_cmd(), build("local_grows.c"), tmp_path)


def with_prefixes(lines):
    return "\n".join(l if l.startswith("==") else "==1== " + l for l in lines)


def test_retention_increased_shows_a_growing_local_as_one_root(local_grows, source_line):
    local_grows.vgdb("retention")
    local_grows.next_phase()
    rep = report(local_grows.vgdb("retention increased"))
    local_grows.finish()
    # main waits at another call now: same thread, same frame, same root
    [root] = rep.roots
    assert re.match(r"frame #\d+ of thread 1, 0x…: main \(local_grows\.c:%d\)$"
                    % source_line("local_grows.c", "second"), root.name), root.name
    assert (root.bytes, root.growth_bytes, root.growth_blocks) == (12 * 48, 8 * 48, 8)


def test_retention_stacks_shows_each_frame_of_each_thread(local_grows, source_line):
    out = local_grows.vgdb("retention stacks", raw=True)
    local_grows.finish()
    [view] = parse_stack_views(with_prefixes(out))
    thread = view.threads[1]
    assert thread.state == ""
    main = thread.frame_of("main")
    # frames from the read under fgets up to wait_for_line hold nothing
    assert sorted(thread.empty)[:main.number] == list(range(main.number))
    assert main.where == "main (local_grows.c:%d)" % source_line("local_grows.c", "first")
    assert main.retained == (4 * 48, 4)
    assert view.retained[0] >= 4 * 48
