"""What data a database was built from: a content fingerprint, and a cheap file signature.

Kept light (no validation imports): every command compares the installed data with the
database's, and the signature (names, sizes, modification times) spares hashing every file when
nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from mobility_tui.storage import SCHEMA_VERSION


def data_files(data_dir: Path) -> list[Path]:
    return sorted(path for path in data_dir.rglob("*.toml") if path.is_file())


def fingerprint(data_dir: Path) -> str:
    """A hash of every data file's name and bytes: the database is a pure function of it."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in data_files(data_dir):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def data_signature(data_dir: Path) -> str:
    """A cheap hash of the data folders: their names, entries and modification times.

    A new release or a rebuilt data folder creates files, which changes its folders' times; an
    edit in place may not, so after editing data files run `mobility-tui db build` (data/README.md).
    Only the folders are looked at, so every command can afford it.
    """
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    folders = [data_dir, *sorted(entry for entry in data_dir.iterdir() if entry.is_dir())]
    for folder in folders:
        stat = folder.stat()
        digest.update(f"{folder.name}\0{stat.st_mtime_ns}\0{len(os.listdir(folder))}\0".encode())
    for path in sorted(data_dir.glob("*.toml")):
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def cache_file() -> Path | None:
    """Where the fingerprint of the installed data is remembered (the user's cache folder)."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - a dependency
        return None
    return Path(user_cache_dir("mobility-tui", appauthor=False)) / "data-fingerprint.json"


def installed_fingerprint(data_dir: Path, cache: Path | None) -> str:
    """The data's fingerprint, remembered per signature so an unchanged install is not rehashed."""
    signature = data_signature(data_dir)
    if cache is not None:
        try:
            remembered = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            remembered = {}
        if isinstance(remembered, dict) and isinstance(remembered.get(signature), str):
            return remembered[signature]
    value = fingerprint(data_dir)
    remember(signature, value, cache)
    return value


def remember(signature: str, value: str, cache: Path | None) -> None:
    """Remember the fingerprint for this signature. `db build` calls it too: it has just hashed
    the files, which matters after an edit in place that left the signature as it was."""
    if cache is None:
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f".{cache.name}.{os.getpid()}")
        temporary.write_text(json.dumps({signature: value}), encoding="utf-8")
        os.replace(temporary, cache)
    except OSError:
        pass  # a cache that cannot be written only costs time
