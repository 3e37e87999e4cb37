"""Read every data file, validate it, and collect *every* problem with file, record and field."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mobility_tui.catalog.schema import (
    RECORD_KINDS,
    CourseRecord,
    GuideStepRecord,
    QualificationRecord,
    RegulationRecord,
    Sourced,
)
from mobility_tui.i18n import _

# A record file is a few kilobytes; anything this large is a mistake, not a record.
MAX_FILE_BYTES = 1024 * 1024
SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data, said in one sentence."""

    file: str
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        if self.record and self.field:
            return _("{file}, record {record}, field {field}: {problem}.").format(
                file=self.file, record=self.record, field=self.field, problem=self.message
            )
        if self.record:
            return _("{file}, record {record}: {problem}.").format(
                file=self.file, record=self.record, problem=self.message
            )
        return _("{file}: {problem}.").format(file=self.file, problem=self.message)


class CatalogError(Exception):
    """The data files have problems; nothing was built."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data files")
        self.problems = problems


@dataclass
class Catalog:
    qualifications: list[QualificationRecord] = field(default_factory=list)
    regulations: list[RegulationRecord] = field(default_factory=list)
    courses: list[CourseRecord] = field(default_factory=list)
    guide_steps: list[GuideStepRecord] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # record id -> file it came from
    # Ids of records that failed validation: links to them are not reported a second time.
    invalid_ids: set[str] = field(default_factory=set)
    fingerprint: str = ""

    def add(self, record: Sourced, path: Path) -> None:
        bucket = {
            QualificationRecord: self.qualifications,
            RegulationRecord: self.regulations,
            CourseRecord: self.courses,
            GuideStepRecord: self.guide_steps,
        }[type(record)]
        bucket.append(record)
        self.files[record.id] = path  # type: ignore[attr-defined]


def data_files(data_dir: Path) -> list[Path]:
    return sorted(path for path in data_dir.rglob("*.toml") if path.is_file())


def fingerprint(data_dir: Path) -> str:
    """A hash of every data file's name and bytes: the database is a pure function of it."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in data_files(data_dir):
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_catalog(data_dir: Path) -> Catalog:
    """Parse and validate every file; raise CatalogError listing all problems, if any."""
    if not data_dir.is_dir():
        raise CatalogError([Problem(str(data_dir), None, None, _("the data folder does not exist"))])
    catalog = Catalog()
    problems: list[Problem] = []
    for path in data_files(data_dir):
        display = _display_path(path)
        kind = path.relative_to(data_dir).parts[0] if len(path.relative_to(data_dir).parts) > 1 else ""
        model = RECORD_KINDS.get(kind)
        if model is None:
            problems.append(Problem(display, None, None, _(
                "the file is not in a known folder (fi, se, regulation, courses, guide)")))
            continue
        raw, problem = _read_toml(path, display)
        if problem:
            problems.append(problem)
            catalog.invalid_ids.add(path.stem)  # by convention the file is named after its id
            continue
        record_name = raw.get("id") if isinstance(raw.get("id"), str) and raw.get("id") else None
        try:
            record = model.model_validate(raw)
        except ValidationError as error:
            problems.extend(_describe(error, display, record_name))
            if record_name:
                catalog.invalid_ids.add(record_name)
            continue
        problems.extend(_check_file_rules(record, kind, path, display))
        earlier = catalog.files.get(record.id)  # type: ignore[attr-defined]
        if earlier is not None:
            problems.append(Problem(display, record.id, "id", _(  # type: ignore[attr-defined]
                "is used by another record too ({other})").format(other=_display_path(earlier))))
            continue
        catalog.add(record, path)
    problems.extend(_check_links(catalog))
    if problems:
        raise CatalogError(problems)
    catalog.fingerprint = fingerprint(data_dir)
    return catalog


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read_toml(path: Path, display: str) -> tuple[dict[str, Any], Problem | None]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return {}, Problem(display, None, None, _("the file is larger than 1 MB"))
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return {}, Problem(display, None, None, _("the file is not valid UTF-8 text"))
    except OSError as error:
        return {}, Problem(display, None, None, _("the file cannot be read ({reason})").format(
            reason=error.strerror or error.__class__.__name__))
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        return {}, Problem(display, None, None, _("the file is not valid TOML ({reason})").format(
            reason=str(error)))


def _field_path(location: Iterable[Any]) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        else:
            path += f".{part}" if path else str(part)
    return path


# Our own validators raise ValueError with these keys; the sentences are translated here.
_VALUE_ERRORS = {
    "not_https": ("", lambda: _("must be an https:// address")),
    "future_date": ("", lambda: _("is a date in the future")),
    "no_language": ("", lambda: _("needs text in at least one of fi, sv, en")),
    "target_required": ("target", lambda: _("is required unless the relation is \"none\"")),
    "programme_required": ("programme", lambda: _("is required for a yrkesutgång")),
}


def _describe(error: ValidationError, display: str, record: str | None) -> list[Problem]:
    problems = []
    for item in error.errors():
        location = list(item["loc"])
        kind = item["type"]
        if kind == "value_error":
            key = str(item.get("ctx", {}).get("error", ""))
            extra_field, message = _VALUE_ERRORS.get(key, ("", lambda msg=item["msg"]: msg))
            if extra_field:
                location.append(extra_field)
            text = message()
        elif kind == "missing":
            text = _("is required")
        elif kind == "extra_forbidden":
            text = _("is not a known field")
        elif kind in ("literal_error", "enum"):
            text = _("must be one of {choices}").format(choices=item.get("ctx", {}).get("expected", ""))
        elif kind in ("greater_than_equal", "less_than_equal"):
            text = _("is out of range ({detail})").format(detail=item["msg"])
        elif kind == "too_short":
            text = _("must not be empty")
        elif kind == "string_pattern_mismatch":
            text = _("may only hold lower-case letters, digits and hyphens")
        else:
            text = _("has the wrong type or value ({detail})").format(detail=item["msg"])
        problems.append(Problem(display, record or _("(no id)"), _field_path(location) or None, text))
    return problems


_FOLDER_COUNTRY = {"fi": "FI", "se": "SE"}


def _check_file_rules(record: Sourced, kind: str, path: Path, display: str) -> list[Problem]:
    problems = []
    record_id = record.id  # type: ignore[attr-defined]
    if path.stem != record_id:
        problems.append(Problem(display, record_id, "id", _(
            "does not match the file name (expected {name})").format(name=f"{record_id}.toml")))
    expected = _FOLDER_COUNTRY.get(kind)
    if expected and record.country != expected:  # type: ignore[attr-defined]
        problems.append(Problem(display, record_id, "country", _(
            "must be {country} for a record in the {folder} folder").format(
                country=expected, folder=kind)))
    return problems


def _check_links(catalog: Catalog) -> list[Problem]:
    problems = []
    qualifications = {record.id: record for record in catalog.qualifications}
    for record in catalog.qualifications:
        display = _display_path(catalog.files[record.id])
        for number, counterpart in enumerate(record.counterparts, start=1):
            if counterpart.target is None:
                continue
            target = qualifications.get(counterpart.target)
            if counterpart.target in catalog.invalid_ids:
                continue
            if target is None:
                problems.append(Problem(display, record.id, f"counterparts[{number}].target", _(
                    "points to {target}, which is not a qualification in the data").format(
                        target=counterpart.target)))
            elif target.country == record.country:
                problems.append(Problem(display, record.id, f"counterparts[{number}].target", _(
                    "points to {target}, which is in the same country").format(
                        target=counterpart.target)))
        if record.programme is not None and record.programme not in catalog.invalid_ids:
            programme = qualifications.get(record.programme)
            if programme is None or programme.type != "gymnasieprogram":
                problems.append(Problem(display, record.id, "programme", _(
                    "points to {target}, which is not a programme in the data").format(
                        target=record.programme)))
    for regulation in catalog.regulations:
        display = _display_path(catalog.files[regulation.id])
        for number, target in enumerate(regulation.applies_to, start=1):
            if target not in qualifications and target not in catalog.invalid_ids:
                problems.append(Problem(display, regulation.id, f"applies_to[{number}]", _(
                    "points to {target}, which is not a qualification in the data").format(
                        target=target)))
    return problems
