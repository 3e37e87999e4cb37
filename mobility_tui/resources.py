"""Where the shipped data files and translation catalogues are.

An installed wheel carries them inside the package (`_data/`, `_locale/`, see pyproject.toml);
a source checkout (editable install, or running from the repo) uses the top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent  # no importlib.resources: every command pays it
_SOURCE_ROOT = _PACKAGE_ROOT.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def bundled_data_dir() -> Path:
    """The folder of record files that ships with the app."""
    return _first_existing(
        _PACKAGE_ROOT / "_data" / "qualifications", _SOURCE_ROOT / "data" / "qualifications"
    )


def locale_dir() -> Path:
    """The folder holding `<lang>/LC_MESSAGES/mobility_tui.po`."""
    return _first_existing(_PACKAGE_ROOT / "_locale", _SOURCE_ROOT / "locale")
