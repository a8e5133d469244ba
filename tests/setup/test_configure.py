"""configure stops with a message naming what to install when the
Valgrind development files are missing."""

import os
import shutil
import subprocess

from harness import TOP

SOURCES = ["configure", "Makefile.in", "vg-in-place.in", "build-aux",
           "memroot/Makefile.in", "memroot/mr_main.c"]


def configure_with_pc(tmp_path, pc_text):
    src = tmp_path / "src"
    for rel in SOURCES:
        dst = src / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if os.path.isdir(os.path.join(TOP, rel)):
            shutil.copytree(os.path.join(TOP, rel), dst)
        else:
            shutil.copy2(os.path.join(TOP, rel), dst)
    pcdir = tmp_path / "pc"
    pcdir.mkdir()
    if pc_text is not None:
        (pcdir / "valgrind.pc").write_text(pc_text)
    env = dict(os.environ, PKG_CONFIG_LIBDIR=str(pcdir), PKG_CONFIG_PATH="")
    return subprocess.run(["./configure"], cwd=src, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def fake_pc(incdir, libdir):
    return ("includedir=%s\nlibdir=%s\narch=amd64\nos=linux\n"
            "platform=amd64-linux\nvalt_load_address=0x58000000\n\n"
            "Name: Valgrind\nDescription: fake\nVersion: 3.19.0\n"
            "Cflags: -I${includedir}\n" % (incdir, libdir))


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
