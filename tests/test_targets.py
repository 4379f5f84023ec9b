"""Expanding the paths a user gives into targets: files, walked directories and stdin."""

from __future__ import annotations

from bpo_lint.targets import expand_paths


def test_directories_are_walked_in_order_skipping_hidden_folders_and_lock_files(tmp_path):
    for name in ["b.md", "a.txt", "sub/c.docx", ".git/d.md", "~$e.docx", ".f.md", "g.csv"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [t.path for t in expand_paths([str(tmp_path)])]
    assert found == [str(tmp_path / n) for n in ["a.txt", "b.md", "sub/c.docx"]]
    assert all(t.error is None and t.data is None for t in expand_paths([str(tmp_path)]))


def test_a_directory_with_nothing_to_lint_is_an_error_target(tmp_path):
    (tmp_path / "notes.csv").write_text("x")
    (target,) = expand_paths([str(tmp_path)])
    assert target.path == str(tmp_path)
    assert target.error is not None and target.error.code == "no-files"
    assert ".pdf" in target.error.message


def test_files_are_kept_as_given_and_dash_reads_stdin(tmp_path):
    missing = str(tmp_path / "missing.pdf")
    targets = list(expand_paths([missing, "-"], stdin=b"1. Scope."))
    assert [t.path for t in targets] == [missing, "-"]
    assert targets[0].data is None and targets[1].data == b"1. Scope."
    assert next(iter(expand_paths(["-"]))).data == b""
