"""configure stops with a message naming what to install when the
Valgrind development files are missing, refuses a Valgrind release it does
not know, and names the Valgrind it builds against."""

import os
import shutil
import subprocess

from harness import TOP, VALGRIND, VALGRIND_CONF

SOURCES = ["configure", "Makefile.in", "vg-in-place.in", "valgrind.conf.in",
           "build-aux", "memroot/Makefile.in", "memroot/mr_main.c"]


def copy_sources(tmp_path):
    src = tmp_path / "src"
    for rel in SOURCES:
        dst = src / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if os.path.isdir(os.path.join(TOP, rel)):
            shutil.copytree(os.path.join(TOP, rel), dst)
        else:
            shutil.copy2(os.path.join(TOP, rel), dst)
    return src


def configure_with_pc(tmp_path, pc_text):
    src = copy_sources(tmp_path)
    pcdir = tmp_path / "pc"
    pcdir.mkdir()
    if pc_text is not None:
        (pcdir / "valgrind.pc").write_text(pc_text)
    env = dict(os.environ, PKG_CONFIG_LIBDIR=str(pcdir), PKG_CONFIG_PATH="")
    return subprocess.run(["./configure"], cwd=src, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def fake_pc(incdir, libdir, version="3.19.0"):
    return ("includedir=%s\nlibdir=%s\narch=amd64\nos=linux\n"
            "platform=amd64-linux\nvalt_load_address=0x58000000\n\n"
            "Name: Valgrind\nDescription: fake\nVersion: %s\n"
            "Cflags: -I${includedir}\n" % (incdir, libdir, version))


def test_configure_without_valgrind_pc_names_the_package(tmp_path):
    p = configure_with_pc(tmp_path, None)
    assert p.returncode != 0
    assert "pkg-config knows no 'valgrind' module" in p.stdout
    assert "apt-get install valgrind" in p.stdout


def test_configure_without_tool_headers_names_the_missing_file(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    p = configure_with_pc(tmp_path, fake_pc(empty, "/usr/lib/x86_64-linux-gnu"))
    assert p.returncode != 0
    assert "%s/pub_tool_basics.h is missing" % empty in p.stdout
    assert "apt-get install valgrind" in p.stdout


def test_configure_without_static_libraries_names_the_missing_file(tmp_path):
    empty = tmp_path / "empty"
    (empty / "valgrind").mkdir(parents=True)
    p = configure_with_pc(tmp_path, fake_pc("/usr/include/valgrind", empty))
    assert p.returncode != 0
    assert "libcoregrind-amd64-linux.a is missing" in p.stdout


def test_configure_refuses_a_release_it_does_not_know(tmp_path):
    p = configure_with_pc(tmp_path, fake_pc("/usr/include/valgrind",
                                            "/usr/lib/x86_64-linux-gnu",
                                            version="3.20.0"))
    assert p.returncode != 0
    assert ("configure: error: Valgrind 3.20.0 (%s/pc/valgrind.pc) is a "
            "release memroot does not know: it builds and is tested against "
            "Valgrind 3.19.x and 3.24.x only" % tmp_path) in p.stdout, p.stdout


def test_configure_with_valgrind_prefix_lacking_valgrind_pc_says_so(tmp_path):
    src = copy_sources(tmp_path)
    p = subprocess.run(["./configure", "--with-valgrind=%s" % tmp_path],
                       cwd=src, text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    assert p.returncode != 0
    assert "no valgrind.pc in %s/lib/pkgconfig" % tmp_path in p.stdout


def test_configure_with_valgrind_prefix_names_that_valgrind(tmp_path):
    """--with-valgrind=PREFIX of the Valgrind this tree was built against
    (Debian's /usr, or a prefix of scripts/build-valgrind) finds it all."""
    prefix = os.path.dirname(os.path.dirname(VALGRIND))
    src = copy_sources(tmp_path)
    p = subprocess.run(["./configure", "--with-valgrind=%s" % prefix],
                       cwd=src, text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    assert p.returncode == 0, p.stdout
    assert ("configure: memroot builds against Valgrind %s in %s:\n"
            "   launcher   %s\n"
            "   headers    %s\n" % (VALGRIND_CONF["version"], prefix, VALGRIND,
                                    VALGRIND_CONF["includedir"])) in p.stdout
