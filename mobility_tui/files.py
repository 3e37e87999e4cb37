"""Writing files for people (plans, exports): atomically, or not at all."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from mobility_tui.i18n import _


class PlanFileError(Exception):
    """The file cannot be written where asked; one sentence."""


def write_atomically(data: bytes, path: Path, force: bool = False) -> Path:
    """Write to a temporary file beside `path`, then rename it into place.

    A failure (a full disk, no rights) removes the temporary file and leaves any existing file
    as it was; "exists already" is said only of a real file that is there.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise PlanFileError(_("The plan cannot be written to {path} ({reason}).").format(
            path=path, reason=_("it is a folder")))
    if path.exists() and not force:
        raise PlanFileError(_("The file {path} exists already; choose another name or replace "
                              "it on purpose (--force).").format(path=path))
    folder = path.parent if str(path.parent) else Path(".")
    temporary = None
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644 & ~_umask())
        if not force and path.exists():
            raise FileExistsError(errno.EEXIST, "exists")
        os.replace(temporary, path)
        temporary = None
    except FileExistsError:
        raise PlanFileError(_("The file {path} exists already; choose another name or replace "
                              "it on purpose (--force).").format(path=path)) from None
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else error.__class__.__name__
        raise PlanFileError(_("The plan cannot be written to {path} ({reason}).").format(
            path=path, reason=reason)) from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    return path.resolve()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
