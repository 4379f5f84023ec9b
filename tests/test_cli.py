"""The command line end to end: exit codes, stdout/stderr, bad input, output files."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bpo_lint import __version__
from bpo_lint.cli import main
from tests.conftest import FIXTURES, assert_valid_report

SMALL_CONTRACT = """# Services Agreement

## 1. Services

1.1 The Supplier shall provide the payroll services described in Schedule 1.

## 2. Fees

2.1 The Client shall pay each invoice within thirty (30) days after receipt.

## Schedule 1

Payroll processing for all employees of the Client.
"""


def run(*args: str, input: bytes | None = None):
    """Invoke the CLI in-process and return click's result."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def _pdf_bytes(text: str = "Services Agreement", **encryption) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    if encryption:
        pdf.set_encryption(**encryption)
    return bytes(pdf.output())


def _image_only_pdf(tmp_path: Path) -> bytes:
    from fpdf import FPDF
    from PIL import Image

    img = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(img)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(img), x=10, y=10, w=100)
    return bytes(pdf.output())


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, str]:
    """Every kind of unreadable input, mapped to the error code the report must carry."""
    rng = random.Random(7)
    files = {
        "empty.md": (b"", "empty-file"),
        "random.pdf": (bytes(rng.randrange(256) for _ in range(4096)), "corrupt-pdf"),
        "random.docx": (bytes(rng.randrange(256) for _ in range(4096)), "not-a-docx"),
        "truncated.pdf": (_pdf_bytes("Term and termination " * 200)[:700], "corrupt-pdf"),
        "encrypted.pdf": (
            _pdf_bytes(owner_password="owner", user_password="secret"),
            "encrypted-pdf",
        ),
        "scan.pdf": (_image_only_pdf(tmp_path), "no-text-layer"),
        "contract.xls": (b"not a contract format", "unsupported-format"),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "a zip that is not a Word document")
    files["notword.docx"] = (buf.getvalue(), "not-a-docx")
    expected = {}
    for name, (data, code) in files.items():
        (tmp_path / name).write_bytes(data)
        expected[str(tmp_path / name)] = code
    expected[str(tmp_path / "missing.md")] = "not-found"
    (tmp_path / "emptydir").mkdir()
    expected[str(tmp_path / "emptydir")] = "no-files"
    return expected


def test_version_is_fast_path():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"bpo-lint {__version__}"


def test_bad_inputs_each_get_one_line_and_an_error_code_and_others_still_lint(tmp_path, bad_inputs):
    good = tmp_path / "good.md"
    good.write_text(SMALL_CONTRACT, encoding="utf-8")
    paths = [*bad_inputs, str(good)]
    result = run("--format", "json", *paths)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert_valid_report(report)
    by_path = {f["path"]: f for f in report["files"]}
    for path, code in bad_inputs.items():
        assert by_path[path]["error"]["code"] == code, path
        lines = [ln for ln in result.stderr.splitlines() if ln.startswith(path + ":")]
        assert len(lines) == 1, (path, result.stderr)
    assert by_path[str(good)]["error"] is None
    assert by_path[str(good)]["stats"]["sections"] >= 3


def test_encrypted_pdf_reads_with_password(tmp_path):
    pdf = tmp_path / "locked.pdf"
    pdf.write_bytes(_pdf_bytes("Master Services Agreement", owner_password="o", user_password="s"))
    result = run("--format", "json", "--password", "s", str(pdf))
    report = json.loads(result.stdout)
    assert report["files"][0]["error"] is None
    assert report["files"][0]["stats"]["words"] >= 3


def test_non_utf8_text_is_read_with_a_warning(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "1. Fees\n\nThe Client pays \u20ac100 per month to the Caf\xe9.\n".encode("cp1252")
    )
    result = run("--format", "json", str(path))
    report = json.loads(result.stdout)
    assert report["files"][0]["error"] is None
    assert "warning" in result.stderr and str(path) in result.stderr


def test_stdin_is_read_with_dash():
    result = run("--format", "json", "-", input=SMALL_CONTRACT.encode())
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "-"
    assert report["files"][0]["format"] == "markdown"
    assert report["files"][0]["error"] is None


def test_output_file_is_written_and_inputs_are_never_overwritten(tmp_path):
    src = tmp_path / "c.md"
    src.write_text(SMALL_CONTRACT, encoding="utf-8")
    out = tmp_path / "report.json"
    result = run("--format", "json", "--output", str(out), str(src))
    assert result.stdout == ""
    assert_valid_report(json.loads(out.read_text(encoding="utf-8")))
    before = src.read_bytes()
    refused = CliRunner().invoke(main, ["--output", str(src), str(src)])
    assert refused.exit_code == 2
    assert src.read_bytes() == before


def test_fail_on_controls_exit_code(tmp_path):
    src = tmp_path / "c.md"
    src.write_text(SMALL_CONTRACT + "\nThe fee is [AMOUNT].\n", encoding="utf-8")
    assert run("--fail-on", "never", str(src)).exit_code == 0
    assert run("--fail-on", "error", "--select", "placeholder", str(src)).exit_code == 1
    assert (
        run(
            "--fail-on", "error", "--ignore", "placeholder", "--select", "placeholder", str(src)
        ).exit_code
        == 0
    )


def test_json_is_byte_identical_across_runs():
    target = str(FIXTURES / "deficient-msa.md")
    if not Path(target).exists():
        pytest.skip("fixtures not built")
    first, second = run("--format", "json", target), run("--format", "json", target)
    assert first.stdout == second.stdout


def test_text_report_without_colour_has_header_coverage_and_findings(tmp_path):
    src = tmp_path / "c.md"
    src.write_text(SMALL_CONTRACT + "\nThe fee is [AMOUNT].\n", encoding="utf-8")
    result = run("--no-color", str(src))
    assert "\x1b[" not in result.stdout
    assert "Coverage of the eight key areas" in result.stdout
    assert "placeholder" in result.stdout and "[AMOUNT]" in result.stdout
    assert "words" in result.stdout


def test_directory_is_walked_for_supported_files(tmp_path):
    (tmp_path / "a.md").write_text(SMALL_CONTRACT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(SMALL_CONTRACT, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    report = json.loads(run("--format", "json", str(tmp_path)).stdout)
    assert [Path(f["path"]).name for f in report["files"]] == ["a.md", "b.txt"]


def test_extract_shows_sections_with_locations(tmp_path):
    src = tmp_path / "c.md"
    src.write_text(SMALL_CONTRACT, encoding="utf-8")
    result = run("extract", str(src))
    assert result.exit_code == 0
    assert "within thirty (30) days" in result.stdout
    assert "[9:1]" in result.stdout or "9:" in result.stdout


def test_rules_listing_and_rule_help():
    listing = run("rules")
    assert listing.exit_code == 0
    assert "placeholder" in listing.stdout
    first_id = listing.stdout.split()[0]
    shown = run("rule", first_id)
    assert shown.exit_code == 0 and first_id in shown.stdout
    assert run("rule", "no.such-rule").exit_code == 2


def test_stdin_beyond_the_size_limit_is_refused_without_reading_it_all(monkeypatch):
    import sys

    from bpo_lint import cli, readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    stream = io.BytesIO(b"a" * 5000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    assert len(cli._read_stdin()) == 1001  # one byte past the limit, not the whole pipe
    result = run("--format", "json", "-", input=b"a" * 5000)
    assert result.exit_code == 2
    assert json.loads(result.stdout)["files"][0]["error"]["code"] == "too-large"
