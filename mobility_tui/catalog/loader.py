"""Read every data file, validate it, and collect *every* problem with file, record and field."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mobility_tui.catalog.publishers import PUBLISHERS_FILE, Publishers, load_publishers
from mobility_tui.catalog.schema import (
    RECORD_KINDS,
    SOURCE_TAGS,
    CounterpartRecord,
    CourseRecord,
    DemandRecord,
    GuideStepRecord,
    NextStepRecord,
    OccupationRecord,
    PlaceRecord,
    QualificationRecord,
    RegulationRecord,
    RouteRecord,
    RuleRecord,
    Sourced,
)
from mobility_tui.catalog.signature import data_files, fingerprint
from mobility_tui.i18n import _
from mobility_tui.rules import conditions

# A record file is a few kilobytes; anything this large is a mistake, not a record.
MAX_FILE_BYTES = 1024 * 1024


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


AnyRecord = (QualificationRecord | OccupationRecord | RegulationRecord | CourseRecord | RouteRecord
             | GuideStepRecord | DemandRecord | NextStepRecord | RuleRecord | PlaceRecord)


@dataclass
class Catalog:
    qualifications: list[QualificationRecord] = field(default_factory=list)
    occupations: list[OccupationRecord] = field(default_factory=list)
    regulations: list[RegulationRecord] = field(default_factory=list)
    courses: list[CourseRecord] = field(default_factory=list)
    routes: list[RouteRecord] = field(default_factory=list)
    guide_steps: list[GuideStepRecord] = field(default_factory=list)
    demand: list[DemandRecord] = field(default_factory=list)
    next_steps: list[NextStepRecord] = field(default_factory=list)
    rules: list[RuleRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    publishers: Publishers = field(default_factory=Publishers)
    files: dict[str, Path] = field(default_factory=dict)  # record id -> file it came from
    # Ids of records that failed validation: links to them are not reported a second time.
    invalid_ids: set[str] = field(default_factory=set)
    # Things worth a look that do not stop a build (weak sources, dates after today).
    warnings: list[Problem] = field(default_factory=list)
    fingerprint: str = ""

    def add(self, record: Sourced, path: Path) -> None:
        bucket = {
            QualificationRecord: self.qualifications,
            OccupationRecord: self.occupations,
            RegulationRecord: self.regulations,
            CourseRecord: self.courses,
            RouteRecord: self.routes,
            GuideStepRecord: self.guide_steps,
            DemandRecord: self.demand,
            NextStepRecord: self.next_steps,
            RuleRecord: self.rules,
            PlaceRecord: self.places,
        }[type(record)]
        bucket.append(record)  # type: ignore[attr-defined]
        self.files[record.id] = path  # type: ignore[attr-defined]

    def work(self) -> list[QualificationRecord | OccupationRecord]:
        """The searchable records: qualifications and occupations."""
        return [*self.qualifications, *self.occupations]

    def records(self) -> list[AnyRecord]:
        return [*self.qualifications, *self.occupations, *self.regulations, *self.courses,
                *self.routes, *self.guide_steps, *self.demand, *self.next_steps, *self.rules,
                *self.places]

    def __len__(self) -> int:
        return len(self.files)


def load_catalog(data_dir: Path, today: dt.date | None = None) -> Catalog:
    """Parse and validate every file; raise CatalogError listing all problems, if any.

    `today` is the build machine's date, for the warning about check dates after it.
    """
    if not data_dir.is_dir():
        raise CatalogError([Problem(str(data_dir), None, None, _("the data folder does not exist"))])
    catalog = Catalog()
    problems: list[Problem] = []
    publishers_path = data_dir / PUBLISHERS_FILE
    if publishers_path.is_file():
        catalog.publishers, problem_list = _read_publishers(publishers_path)
        problems.extend(problem_list)
    for path in data_files(data_dir):
        display = _display_path(path)
        parts = path.relative_to(data_dir).parts
        if parts == (PUBLISHERS_FILE,):
            continue
        kind = parts[0] if len(parts) > 1 else ""
        model = RECORD_KINDS.get(kind)
        if model is None:
            problems.append(Problem(display, None, None, _(
                "the file is not in a known folder ({folders})").format(
                    folders=", ".join(RECORD_KINDS))))
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
    problems.extend(_check_rules(catalog))
    if problems:
        raise CatalogError(problems)
    catalog.warnings.extend(_weak_source_warnings(catalog))
    catalog.warnings.extend(_future_date_warnings(catalog, today or dt.date.today()))
    catalog.fingerprint = fingerprint(data_dir)
    return catalog


def _read_publishers(path: Path) -> tuple[Publishers, list[Problem]]:
    display = _display_path(path)
    raw, problem = _read_toml(path, display)
    if problem:
        return Publishers(), [problem]
    try:
        return load_publishers(raw), []
    except ValidationError as error:
        return Publishers(), _describe(error, display, None)


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
        if part in SOURCE_TAGS:  # the shape a source was read as, not a field
            continue
        if isinstance(part, int):
            path += f"[{part + 1}]"
        else:
            path += f".{part}" if path else str(part)
    return path


# Our own validators raise ValueError with these keys; the sentences are translated here.
_VALUE_ERRORS = {
    "not_https": ("", lambda: _("must be an https:// address")),
    "url_characters": ("", lambda: _("must be an address without spaces or control characters")),
    "nul_byte": ("", lambda: _("contains a NUL byte")),
    "no_language": ("", lambda: _("needs text in at least one of fi, sv, en")),
    "target_required": ("target", lambda: _(
        "is required unless the relation is \"none\" or \"undecided\"")),
    "ask_required": ("ask", lambda: _("is required when the relation is \"undecided\": "
                                      "name who decides")),
    "programme_required": ("programme", lambda: _("is required for a yrkesutgång")),
    "degree_required": ("degree", lambda: _("is required for a higher-education degree and must "
                                            "suit its type")),
    "degree_not_allowed": ("degree", lambda: _("is only for higher-education degrees")),
    "form_required": ("form", lambda: _("is required when the work is regulated")),
    "form_not_allowed": ("form", lambda: _("is only for regulated work")),
    "route_or_ask": ("routes", lambda: _("needs at least one route, or `ask` naming who to ask")),
    "period_order": ("period_end", lambda: _("is before period_start")),
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
    """Every id a record points to names a record of the right kind."""
    problems: list[Problem] = []
    qualifications = {record.id: record for record in catalog.qualifications}
    work: dict[str, QualificationRecord | OccupationRecord] = {record.id: record for record in catalog.work()}
    route_targets = ({record.id for record in catalog.routes} | {record.id for record in catalog.courses}
                     | set(qualifications))

    def report(record, field_name: str, message: str, target: str) -> None:
        problems.append(Problem(_display_path(catalog.files[record.id]), record.id, field_name,
                                message.format(target=target)))

    def check(record, field_name: str, target: str, known, message: str) -> None:
        if target not in known and target not in catalog.invalid_ids:
            report(record, field_name, message, target)

    not_work = _("points to {target}, which is not a qualification or occupation in the data")
    for record in catalog.work():
        for number, counterpart in enumerate(record.counterparts, start=1):
            where = f"counterparts[{number}]"
            _check_counterpart(record, counterpart, where, work, catalog, report)
            for gap_number, gap in enumerate(counterpart.gaps, start=1):
                for route_number, route in enumerate(gap.routes, start=1):
                    check(record, f"{where}.gaps[{gap_number}].routes[{route_number}]", route,
                          route_targets, _("points to {target}, which is not a route, course or "
                                           "qualification in the data"))
        programme = getattr(record, "programme", None)
        if programme is not None and programme not in catalog.invalid_ids:
            programme_record = qualifications.get(programme)
            if programme_record is None or programme_record.type != "gymnasieprogram":
                report(record, "programme", _(
                    "points to {target}, which is not a programme in the data"), programme)
    for regulation in catalog.regulations:
        for number, target in enumerate(regulation.applies_to, start=1):
            check(regulation, f"applies_to[{number}]", target, work, not_work)
    for demand in catalog.demand:
        for number, target in enumerate(demand.applies_to, start=1):
            check(demand, f"applies_to[{number}]", target, work, not_work)
    return problems


def _check_counterpart(record, counterpart: CounterpartRecord, where: str, work: dict,
                       catalog: Catalog, report) -> None:
    if counterpart.target is None or counterpart.target in catalog.invalid_ids:
        return
    target = work.get(counterpart.target)
    if target is None:
        report(record, f"{where}.target", _(
            "points to {target}, which is not a qualification or occupation in the data"),
            counterpart.target)
    elif target.country == record.country:
        report(record, f"{where}.target", _("points to {target}, which is in the same country"),
               counterpart.target)
    if counterpart.relation in ("none", "undecided") and counterpart.target is not None:
        report(record, f"{where}.target", _(
            "must be left out when the relation is \"none\" or \"undecided\" ({target})"),
            counterpart.target)


def _check_rules(catalog: Catalog) -> list[Problem]:
    """A rule whose condition names an unknown fact or value cannot be evaluated."""
    messages = {
        "unknown_fact": lambda: _("is not a fact a rule can test (known: {facts})").format(
            facts=", ".join(conditions.FACTS)),
        "empty_values": lambda: _("lists no value"),
        "bad_value": lambda: _("has a value this fact cannot take"),
    }
    problems = []
    for rule in catalog.rules:
        display = _display_path(catalog.files[rule.id])
        for part in ("when", "unless"):
            for fact, key in conditions.problems(getattr(rule, part)):
                problems.append(Problem(display, rule.id, f"{part}.{fact}", messages[key]()))
        if rule.valid_from and rule.valid_to and rule.valid_to < rule.valid_from:
            problems.append(Problem(display, rule.id, "valid_to", _("is before valid_from")))
    return problems


def _weak_source_warnings(catalog: Catalog) -> list[Problem]:
    """Regulation and counterpart decisions must not rest only on sources of kind "other"."""
    warnings = []

    def weak(sources) -> bool:
        return all(catalog.publishers.kind_of(source) == "other" for source in sources)

    message = _("rests only on sources of kind \"other\"; cite the authority, the law or the "
                "register (or tag the source's kind)")
    for regulation in catalog.regulations:
        if weak(regulation.sources):
            warnings.append(Problem(_display_path(catalog.files[regulation.id]), regulation.id,
                                    "sources", message))
    for record in catalog.work():
        for number, counterpart in enumerate(record.counterparts, start=1):
            if weak(counterpart.sources):
                warnings.append(Problem(_display_path(catalog.files[record.id]), record.id,
                                        f"counterparts[{number}].sources", message))
    return warnings


def _future_date_warnings(catalog: Catalog, today: dt.date) -> list[Problem]:
    """One line for all check dates after today: usually the machine's clock is behind."""
    later = sorted((record.verified, record.id) for record in catalog.records()
                   if record.verified > today)
    if not later:
        return []
    return [Problem(_display_path(catalog.files[later[-1][1]]), None, None, _(
        "{count} record(s) were checked after this machine's date ({today}), the latest on "
        "{latest}: is the clock right?").format(count=len(later), today=today.isoformat(),
                                                latest=later[-1][0].isoformat()))]

