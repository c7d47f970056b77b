"""The one output-writing helper: nothing the caller has is lost (hostile audit rows 1, 2, 8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from childcare_commissioning.safefiles import OutputError, OutputFiles, write_folder


def _files(tmp_path: Path) -> list[str]:
    return sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))


def test_an_output_that_is_an_input_is_refused_by_any_name(tmp_path: Path) -> None:
    """The same path, a symbolic link to it and a hard link to it all name the input."""
    data = tmp_path / "in.jsonl"
    data.write_text("keep\n", encoding="utf-8")
    (tmp_path / "soft").symlink_to(data)
    os.link(data, tmp_path / "hard")
    for name in ("in.jsonl", "hard", "./in.jsonl"):
        with pytest.raises(OutputError, match=r"\[output-is-input\]"):
            OutputFiles([str(data)], force=True, option="--findings").check(tmp_path / name)
    # The link is refused before it is compared: nothing is written through one.
    with pytest.raises(OutputError, match=r"\[no-symlink\]"):
        OutputFiles([str(data)], force=True).check(tmp_path / "soft")
    assert "keep\n" == data.read_text(encoding="utf-8")


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"already exists; pass --force.*\[no-overwrite\]"):
        OutputFiles(option="--findings").check(target)
    with OutputFiles(force=True) as files:
        files.write(files.check(target), "new\n")
    assert "new\n" == target.read_text(encoding="utf-8")


def test_a_link_is_never_written_through_even_forced(tmp_path: Path) -> None:
    """A link as the file, or as a folder below the folder written (audit: st/link.csv ->
    st/outside/target.txt was overwritten)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "target.txt"
    victim.write_text("victim\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "link.csv").symlink_to(victim)
    (out / "sub").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OutputError, match=r"\[no-symlink\]"):
        OutputFiles(force=True).check(out / "link.csv", root=out)
    with pytest.raises(OutputError, match=r"\[no-symlink\]"):
        OutputFiles(force=True).check(out / "sub" / "new.md", root=out)
    assert "victim\n" == victim.read_text(encoding="utf-8")
    assert ["target.txt"] == [p.name for p in outside.iterdir()]


def test_all_or_nothing_a_failure_leaves_no_file_and_no_new_folder(tmp_path: Path) -> None:
    """Two files staged, then an error: neither appears, no temporary file is left, and the
    folder the command created is gone; the file that existed is as it was."""
    kept = tmp_path / "kept.txt"
    kept.write_text("as it was\n", encoding="utf-8")

    def command() -> None:
        with OutputFiles(force=True) as files:
            files.write(files.check(tmp_path / "new" / "a.xml"), b"<a/>")
            files.write(files.check(kept), "replaced\n")
            raise RuntimeError("the command failed")

    with pytest.raises(RuntimeError):
        command()
    assert ["kept.txt"] == _files(tmp_path)
    assert "as it was\n" == kept.read_text(encoding="utf-8")


def test_two_outputs_with_one_name_are_refused_naming_both(tmp_path: Path) -> None:
    """Also names differing only in case, which collide on Windows and macOS."""
    files = OutputFiles()
    files.check(tmp_path / "INV-1.xml")
    with pytest.raises(OutputError, match=r"written twice.*INV-1\.xml.*\[unique-outputs\]"):
        files.check(tmp_path / "inv-1.xml")


@pytest.mark.parametrize("name", ["a\nb.xml", "tab\t.xml", "\udcff.xml", ".."])
def test_a_name_with_a_control_character_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match=r"\[file-name\]"):
        OutputFiles().check(tmp_path / name)


def test_a_folder_holding_an_input_is_refused_when_replaced_whole(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"\[output-is-input\]"):
        OutputFiles([str(config)], option="--site-dir").check_folder(tmp_path, whole=True)
    OutputFiles([str(config)]).check_folder(tmp_path)  # writing files into it is fine


def test_write_folder_replaces_and_removes_only_what_its_manifest_lists(tmp_path: Path) -> None:
    """Run 1 writes a.md and b.md; the user adds c.md; run 2 writes a.md only: b.md (its
    own, no longer written) is removed, c.md is kept, a.md replaced without --force. A
    file the user put where run 3 writes is refused without --force."""
    write_folder({"a.md": "1", "b.md": "1"}, tmp_path, manifest=".m.json")
    (tmp_path / "c.md").write_text("mine", encoding="utf-8")
    write_folder({"a.md": "2"}, tmp_path, manifest=".m.json")
    assert [".m.json", "a.md", "c.md"] == _files(tmp_path)
    assert "2" == (tmp_path / "a.md").read_text(encoding="utf-8")
    with pytest.raises(OutputError, match=r"'.*c\.md'.*\[no-overwrite\]"):
        write_folder({"a.md": "3", "c.md": "3"}, tmp_path, manifest=".m.json")
    assert "mine" == (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "2" == (tmp_path / "a.md").read_text(encoding="utf-8")  # nothing written
