# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""The man pages make builds (scripts/docs-man, from docs/) show what the
programs accept: `man memroot` every option that `valgrind --tool=memroot
--help` lists in memroot's own section and in the section of options for
tools that replace malloc (the core's options are valgrind(1)'s), and
`man memroot-report` every option, format and view of its --help.  The
pages are read as `man` shows them."""

import functools
import os
import re
import subprocess
import sys

import pytest

from harness import TOP, VALGRIND_VERSION, VG_IN_PLACE

SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCS_MAN = os.path.join(SRC, "scripts", "docs-man")
REPORT = os.path.join(SRC, "scripts", "memroot-report")
PAGES = {"memroot": os.path.join(TOP, "man", "memroot.1"),
         "memroot-report": os.path.join(TOP, "man", "memroot-report.1")}
# The sections of --help that memroot(1) documents.
HELP_SECTIONS = ("user options for Memroot:",
                 "user options for Valgrind tools that replace malloc:")
OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][a-zA-Z0-9-]*)")


def man_env():
    return dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="200", MANPAGER="cat",
                PAGER="cat")


@functools.lru_cache(maxsize=None)
def shown(page):
    """The page as `man` shows it, in a UTF-8 locale, 200 columns wide."""
    p = subprocess.run(["man", "-l", PAGES[page]], env=man_env(), text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == 0, p.stderr
    return p.stdout


def entries(text, heading):
    """The tagged paragraphs under a heading of a shown page (a section,
    "OPTIONS", or a subsection, "Values of --view"): {tag: text}.  A tag
    starts 7 columns in and its text 14 in, on the same line when the tag
    is shorter than 7 columns, else on the next; a plain paragraph is 7 in
    throughout."""
    lines = text.split("\n")
    indent = 0 if heading.isupper() else 3
    try:
        start = next(n for n, l in enumerate(lines)
                     if l == " " * indent + heading)
    except StopIteration:
        raise AssertionError("the page has no %r heading" % heading)
    body = []
    for line in lines[start + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    found, tag = {}, None
    for n, line in enumerate(body):
        margin = len(line) - len(line.lstrip())
        if margin == 7:
            short = re.match(r" {7}(\S{1,6}) +(?=\S)", line)
            following = body[n + 1] if n + 1 < len(body) else ""
            if short and short.end() == 14:
                tag = short[1]
                found[tag] = line[14:]
            elif re.match(r" {14}\S", following):
                tag = line.strip()
                found[tag] = ""
            else:
                tag = None          # a paragraph
        elif margin >= 14 and tag is not None:
            found[tag] += " " + line.strip()
        elif line.strip():
            tag = None
    return found


def options_of(tags):
    return {o.split("=")[0] for t in tags for o in OPTION.findall(t)}


@functools.lru_cache(maxsize=None)
def memroot_help(flag="--help"):
    """The options --help (or --help-debug) lists in HELP_SECTIONS (or in
    every section, for --help-debug)."""
    p = subprocess.run([VG_IN_PLACE, flag], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    assert p.returncode == 0, p.stdout
    found, keep = set(), False
    for line in p.stdout.split("\n"):
        if not line.strip():
            keep = False
        elif line.startswith("  ") and not line.startswith("   "):
            keep = flag == "--help-debug" or line.strip() in HELP_SECTIONS
        elif keep and line.lstrip().startswith("--"):
            # The option column: up to the first gap of two spaces.
            column = re.split(r" {2,}", line.strip(), 1)[0]
            found |= {o.split("=")[0] for o in OPTION.findall(column)}
    return found


def test_memroot_man_page_shows_every_option_help_lists():
    listed = memroot_help()
    # The parse found the two sections: an option of each.
    assert {"--leak-check", "--retention", "--alignment"} <= listed, listed
    documented = options_of(entries(shown("memroot"), "OPTIONS"))
    assert sorted(listed - documented) == [], \
        "listed by --help, missing from docs/options.md (and so memroot(1))"


def test_memroot_man_page_shows_only_options_memroot_takes():
    """An option of memroot(1) is one memroot takes, --help or
    --help-debug says, unless the page says it is for a newer Valgrind
    ("Valgrind 3.21 and later") than the one memroot runs on."""
    taken = memroot_help("--help") | memroot_help("--help-debug")
    for tag, body in entries(shown("memroot"), "OPTIONS").items():
        newer = re.search(r"Valgrind (\d+)\.(\d+) and later", body)
        if newer and (int(newer[1]), int(newer[2])) > VALGRIND_VERSION:
            continue
        assert options_of([tag]) <= taken, (tag, body)


def report_help():
    p = subprocess.run([sys.executable, REPORT, "--help"], text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert p.returncode == 0, p.stdout
    options = set(OPTION.findall(p.stdout.split("options:", 1)[1]))
    choices = dict(re.findall(r"(--\w+) \{([^}]*)\}", p.stdout))
    return options, {k: set(v.split(",")) for k, v in choices.items()}


def test_memroot_report_man_page_shows_every_option_help_lists():
    options, _ = report_help()
    assert {"-h", "--help", "--format", "--view", "-o", "--output"} <= options
    documented = options_of(entries(shown("memroot-report"), "OPTIONS"))
    assert sorted(options - documented) == []


@pytest.mark.parametrize("option", ["--format", "--view"])
def test_memroot_report_man_page_shows_each_value_help_lists(option):
    _, choices = report_help()
    values = entries(shown("memroot-report"), "Values of %s" % option)
    assert set(values) == choices[option]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_man_page_renders_without_warnings(page):
    """What lintian checks: groff and man-db have nothing to say."""
    p = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8",
                        "-Z", PAGES[page]], env=man_env(), text=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert (p.returncode, p.stderr) == (0, "")


@pytest.mark.parametrize("page", sorted(PAGES))
def test_built_man_page_is_the_manual_of_this_tree(page, tmp_path):
    """make rebuilt the page when the manual changed: writing it again
    from the docs gives the same file."""
    with open(os.path.join(TOP, "Makefile")) as f:
        version = re.search(r"^PACKAGE_VERSION = (.*)$", f.read(), re.M)[1]
    out = tmp_path / (page + ".1")
    subprocess.run([sys.executable, DOCS_MAN, "--srcdir", SRC, "--version",
                    version, page, "-o", str(out)], check=True)
    with open(PAGES[page]) as f:
        assert out.read_text() == f.read()


def test_docs_man_names_a_missing_manual_page(tmp_path):
    p = subprocess.run([sys.executable, DOCS_MAN, "--srcdir", str(tmp_path),
                        "memroot-report"], text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert (p.returncode, p.stdout) == (1, "")
    assert p.stderr == ("docs-man: cannot read %s/docs/datafile.md: No such "
                        "file or directory\n" % tmp_path)


def test_docs_man_refuses_a_table_without_its_rule(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text("# memroot\n\nA tool.\n")
    (tmp_path / "docs" / "options.md").write_text(
        "# Options\n\n| option | meaning |\n| `--a` | b |\n")
    p = subprocess.run([sys.executable, DOCS_MAN, "--srcdir", str(tmp_path),
                        "memroot"], text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert (p.returncode, p.stdout) == (1, "")
    assert p.stderr == ("docs-man: a table without its |---| line: "
                        "| option | meaning |\n")
