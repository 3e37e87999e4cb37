"""The import rules of ../shared/STYLE.md hold, and the read path stays light."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_MODULES = [
    "mobility_tui.cli", "mobility_tui.cli.commands", "mobility_tui.models", "mobility_tui.search",
    "mobility_tui.i18n", "mobility_tui.catalog.loader", "mobility_tui.catalog.build",
    "mobility_tui.storage.reader", "mobility_tui.storage.opening", "mobility_tui.services.bundle",
    "mobility_tui.services.plan", "mobility_tui.presentation.records", "mobility_tui.presentation.plan",
    "mobility_tui.rules.evaluate",
]


def run_python(code: str, *args: str) -> str:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    return result.stdout.strip()


def test_domain_modules_do_not_import_textual():
    code = ("import sys\n" + "".join(f"import {name}\n" for name in DOMAIN_MODULES)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    assert run_python(code) == "[]"


def test_import_contracts_are_kept():
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if tool is None:
        pytest.fail("import-linter is part of the test extra: pip install -e '.[test]'")
    result = subprocess.run([tool], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "0 broken" in result.stdout


HEAVY = {"textual", "sqlmodel", "sqlalchemy", "pydantic", "numpy", "babel", "jinja2", "weasyprint",
         "psycopg", "textual_serve"}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["search", "--help"]])
def test_help_and_version_import_nothing_heavy(args):
    code = ("import sys, contextlib, io\nfrom mobility_tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(sys.argv[1:])\n"
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({sorted(HEAVY)!r})))")
    assert run_python(code, *args) == "[]"


def test_a_json_search_reads_without_the_orm(shipped_db_url):
    code = ("import sys, contextlib, io\nfrom mobility_tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--database-url', sys.argv[1], 'search', 'lähihoitaja', '--json'])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'textual', 'sqlmodel', 'sqlalchemy', 'pydantic', 'numpy', 'jinja2', 'weasyprint'}))")
    assert run_python(code, shipped_db_url) == "[]"
