"""Every command with bad options and values (issue 19, items 5-7): a non-zero exit, exactly one line on
stderr, no traceback. The commands are read from the typer app, so a new command is covered without a
change here."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from mirrortrade.cli import app

runner = CliRunner()
COMMAND = typer.main.get_command(app)
NAMES = sorted(COMMAND.commands)  # type: ignore[attr-defined]


def _one_line_error(args: list[str]) -> str:
    res = runner.invoke(app, args)
    err = res.stderr
    assert res.exit_code != 0, f"{args}: exit 0\n{res.stdout[-500:]}"
    assert "Traceback" not in err + res.stdout and res.exception is None or isinstance(res.exception, SystemExit), (
        f"{args}: {res.exception!r}")
    assert len(err.strip().splitlines()) == 1, f"{args}: stderr is not one line:\n{err}"
    return err.strip()


def test_every_command_is_covered() -> None:
    assert {"show", "flags", "explain", "check", "demo", "reconcile", "report", "digest"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_unknown_option_is_one_line(name: str) -> None:
    line = _one_line_error([name, "--no-such-option"])
    assert "--no-such-option" in line and f"mirrortrade {name} --help" in line


def _int_options(cmd: typer.core.TyperCommand) -> list[str]:
    out = []
    for p in cmd.params:
        ann = getattr(getattr(p, "type_descriptor", None), "annotation", None)
        if p.opts and p.opts[0].startswith("--") and (ann in (int, float) or str(ann) in ("int | None", "float | None")):
            out.append(p.opts[0])
    return out


@pytest.mark.parametrize(("name", "opt"), [(n, o) for n in NAMES for o in _int_options(COMMAND.commands[n])])  # type: ignore[attr-defined]
def test_number_option_with_text_is_one_line(name: str, opt: str) -> None:
    line = _one_line_error([name, opt, "lots"])
    assert opt in line


@pytest.mark.parametrize(("args", "says"), [
    (["flags", "--severity", "extreme"], "--severity"),
    (["flags", "--country", "ZZZ"], "ZZZ"),
    (["flags", "--reporter", "ZZZ"], "ZZZ"),
    (["flags", "--format", "xml"], "--format"),
    (["show", "--limit", "-5"], "--limit"),
    (["show", "--format", "xml"], "--format"),
    (["explain", "--reporter", "KGZ", "--partner", "KGZ", "--year", "2025"], "KGZ"),
    (["explain", "--reporter", "KGZ", "--partner", "CHN", "--year", "2025", "--format", "xml"], "--format"),
    (["check", "-", "--format", "xml"], "--format"),
    (["demo", "--year", "1800"], "1800"),
    (["reconcile", "--backend", "hadoop"], "--backend"),
])
def test_accepted_nonsense_is_refused_in_one_line(args: list[str], says: str) -> None:
    assert says in _one_line_error(args)


def test_spark_backend_without_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    line = _one_line_error(["reconcile", "--backend", "spark"])
    assert 'pip install -e ".[spark]"' in line


@pytest.mark.parametrize("content", [b"", "reporter,partner\nCHN,KGZ\n".encode("utf-16")])
def test_reconcile_input_of_an_empty_or_utf16_file_is_one_line(tmp_path, content: bytes) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "decl.csv"
    f.write_bytes(content)
    _one_line_error(["reconcile", "--input", str(f), "--output", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_version() -> None:
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("mirrortrade ")


def test_every_command_help_has_an_example() -> None:
    for name in NAMES:
        res = runner.invoke(app, [name, "--help"])
        assert res.exit_code == 0 and f"Example: mirrortrade {name}" in res.stdout, name


def test_show_says_showing_n_of_m_and_limit_zero_streams_everything() -> None:
    res = runner.invoke(app, ["show", "--limit", "3", "--format", "csv"])
    assert res.exit_code == 0, res.stderr
    total = int(res.stderr.split(" of ")[1].split()[0])
    assert res.stderr.startswith("showing 3 of ") and total > 3
    assert len(res.stdout.strip().splitlines()) == 1 + 3
    full = runner.invoke(app, ["show", "--limit", "0", "--format", "csv"])
    assert full.stderr.startswith(f"showing {total} of {total} ")
    default = runner.invoke(app, ["show", "--format", "csv"])
    from mirrortrade.report.tables import DEFAULT_SHOW_LIMIT

    assert default.stderr.startswith(f"showing {min(total, DEFAULT_SHOW_LIMIT)} of {total}")


def test_check_json_alias_and_format_json_agree(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    f = tmp_path / "a.txt"
    f.write_text("Chinese customs data show exports to Kyrgyzstan of more than $22 billion in 2025.\n", encoding="utf-8")
    a = runner.invoke(app, ["check", str(f), "--format", "json", "--no-store"])
    b = runner.invoke(app, ["check", str(f), "--json", "--no-store"])
    assert a.exit_code == b.exit_code == 0
    assert json.loads(a.stdout) == json.loads(b.stdout) and "claims" in json.loads(a.stdout)
