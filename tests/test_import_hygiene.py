"""Domain code never imports Textual (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

DOMAIN_MODULES = [
    "mobility_tui.cli", "mobility_tui.models", "mobility_tui.search", "mobility_tui.i18n",
    "mobility_tui.catalog.loader", "mobility_tui.catalog.build", "mobility_tui.database",
    "mobility_tui.services.qualifications", "mobility_tui.services.connection",
    "mobility_tui.plain",
]


def test_domain_modules_do_not_import_textual():
    code = ("import sys\n" + "".join(f"import {name}\n" for name in DOMAIN_MODULES)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_help_and_version_do_not_import_the_database_layer():
    code = ("import sys, contextlib, io\nfrom mobility_tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['--version'])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'sqlmodel', 'sqlalchemy'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
