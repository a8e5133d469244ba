"""A CI job fails on leaks through --error-exitcode and passes once the
leaks are suppressed with the suppressions memroot generated."""

import re

from harness import memcheck, memroot

FULL = ("--leak-check=full", "--error-exitcode=3")


def extract_suppressions(text):
    """The {...} blocks --gen-suppressions=all prints, prefix stripped."""
    lines = [re.sub(r"^==\d+== ?", "", l) for l in text.splitlines()]
    out, inside = [], False
    for l in lines:
        if l == "{":
            inside = True
        if inside:
            out.append(l)
        if l == "}":
            inside = False
    return "\n".join(out) + "\n"


def test_leaks_fail_the_job_with_error_exitcode(build):
    rep = memroot(build("leaky_ci.c"), *FULL)
    assert rep.returncode == 3
    assert rep.errors == memcheck(build("leaky_ci.c"), *FULL).errors == 2


def test_reachable_blocks_alone_do_not_fail_the_job(build):
    rep = memroot(build("leaky_ci.c"), *FULL, "--errors-for-leak-kinds=reachable",
                  "--show-leak-kinds=reachable")
    assert rep.returncode == 3          # the reachable block is an error now
    rep = memroot(build("leaky_ci.c"), *FULL, "--errors-for-leak-kinds=none")
    assert rep.returncode == 0


def test_summary_mode_counts_no_leak_errors(build):
    rep = memroot(build("leaky_ci.c"), "--leak-check=summary", "--error-exitcode=3")
    assert rep.returncode == 0 and rep.errors == 0


def test_generated_suppressions_make_the_job_pass(build, tmp_path):
    prog = build("leaky_ci.c")
    gen = memroot(prog, *FULL, "--gen-suppressions=all")
    supp = extract_suppressions(gen.text)
    assert supp.count("Memroot:Leak") == 2
    assert "match-leak-kinds: definite" in supp
    assert "match-leak-kinds: possible" in supp
    f = tmp_path / "memroot.supp"
    f.write_text(supp)
    rep = memroot(prog, *FULL, "--suppressions=%s" % f)
    assert rep.returncode == 0
    assert rep.errors == 0
    assert rep.leak["suppressed"] == (104, 2)
    assert rep.leak["definitely lost"] == (0, 0)


def test_match_leak_kinds_limits_a_suppression(build, tmp_path):
    prog = build("leaky_ci.c")
    f = tmp_path / "definite-only.supp"
    f.write_text("{\n   any-definite\n   Memroot:Leak\n   match-leak-kinds: definite\n"
                 "   fun:malloc\n   ...\n}\n")
    rep = memroot(prog, *FULL, "--suppressions=%s" % f)
    assert rep.leak["suppressed"] == (40, 1)
    assert rep.leak["possibly lost"] == (64, 1)
    assert rep.returncode == 3


def test_broken_suppression_file_is_reported_with_its_line(build, tmp_path):
    f = tmp_path / "broken.supp"
    f.write_text("{\n   bad\n   Memroot:Leak\n   match-leak-kinds: sometimes\n"
                 "   fun:malloc\n}\n")
    rep = memroot(build("leaky_ci.c"), "--suppressions=%s" % f)
    assert rep.returncode == 1
    assert "in suppressions file \"%s\" near line 4" % f in rep.text
    assert "bad or missing extra suppression info" in rep.text
