"""The README stays honest: every command is documented there and has help with an example."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg import paths
from kg.cli import cli

README = (paths.ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))  # type: ignore[attr-defined]
def test_command_in_readme_with_help(name: str) -> None:
    assert f"kg {name}" in README
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_readme_commands_exist() -> None:
    assert "make build" in README and "make test" in README
    ci = (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


@pytest.mark.parametrize("name", sorted(p.stem for p in paths.QUERIES.glob("*.rq")))
def test_canned_query_in_readme(name: str) -> None:
    assert f"`{name}`" in README
