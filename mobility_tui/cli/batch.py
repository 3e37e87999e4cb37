"""`mobility-tui search --batch`: look up a list of diplomas in one process.

One query per line (blank lines skipped, each answer carries its line number), or a named
column of a CSV file. JSON lines (`--json`, one result set per query, the query echoed), CSV
(`--format csv`: the best match per query), or a short text line per query. A progress count
goes to stderr when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator

from mobility_tui.cli.output import notice
from mobility_tui.cli.parser import EXIT_OK, EXIT_USAGE
from mobility_tui.i18n import _, pick_text
from mobility_tui.text import strip_controls

CSV_COLUMNS = ("line", "query", "best_match", "id", "confidence", "country", "eqf_level",
               "counterpart", "relation", "regulated")


def _read(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(source, "rb") as handle:
            data = handle.read()
    return data.decode("utf-8-sig", errors="replace")  # a BOM is not part of the first query


def queries(text: str, column: str | None) -> Iterator[tuple[int, str]]:
    """(line number, query) for every non-blank query."""
    if column is None:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield number, line.strip()
        return
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if reader.fieldnames is None or column not in reader.fieldnames:
        raise KeyError(", ".join(reader.fieldnames or []))
    for row in reader:
        value = (row.get(column) or "").strip()
        if value:
            yield reader.line_num, value


def run_batch(args: argparse.Namespace) -> int:
    from mobility_tui.cli.commands import open_reader
    from mobility_tui.services.qualifications import QualificationService
    from mobility_tui.services.results import SearchAnswer

    if args.query is not None:
        print(_("mobility-tui search: give a QUERY or --batch FILE, not both"), file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or ("jsonl" if args.json else "text")
    try:
        text = _read(args.batch)
        items = list(queries(text, args.column))
    except KeyError as error:
        print(_("mobility-tui search: the file has no column {column} (columns: {columns})").format(
            column=args.column, columns=error.args[0] or "—"), file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(_("mobility-tui search: {file} cannot be read ({reason})").format(
            file=args.batch, reason=error.strerror or error.__class__.__name__), file=sys.stderr)
        return 1
    service = QualificationService(open_reader(args))
    out = sys.stdout
    writer = csv.writer(out) if fmt == "csv" else None
    if writer is not None:
        writer.writerow(CSV_COLUMNS)
    progress = sys.stderr.isatty()
    answers: dict[str, SearchAnswer] = {}
    for done, (number, query) in enumerate(items, start=1):
        key = query
        if key not in answers:  # duplicates are answered once
            answers[key] = service.search(query, args.country, args.limit)
        answer = answers[key]
        if fmt == "jsonl":
            out.write(json.dumps({"line": number, "query": query, "results": answer.items_json()},
                                 ensure_ascii=False) + "\n")
        elif writer is not None:
            writer.writerow(_csv_row(number, query, answer))
        else:
            out.write(_text_line(number, query, answer) + "\n")
        if progress and (done % 25 == 0 or done == len(items)):
            sys.stderr.write(f"\r{done}/{len(items)}")
            sys.stderr.flush()
    if progress and items:
        sys.stderr.write("\n")
    if not items:
        notice(_("The file holds no queries."))
    return EXIT_OK


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text for a CSV cell an employer opens in a spreadsheet: shown, never run."""
    text = strip_controls(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _best(answer):
    return next((hit for hit in answer.hits if hit.answers), None)


def _csv_row(number: int, query: str, answer) -> list[str]:
    hit = _best(answer)
    if hit is None:
        return [str(number), _cell(query), "", "", "weak" if answer.hits else "", "", "", "", "", ""]
    summary = hit.summary
    decision = summary.counterparts[0] if summary.counterparts else None
    regulated = summary.regulated.get(summary.other_country)
    return [str(number), _cell(query), _cell(pick_text(summary.name)), summary.id,
            hit.confidence, summary.country, str(summary.eqf_level or ""),
            _cell(pick_text(decision["name"])) if decision and decision.get("name") else "",
            decision["relation"] if decision else "",
            "" if regulated is None else ("yes" if regulated else "no")]


def _text_line(number: int, query: str, answer) -> str:
    hit = _best(answer)
    if hit is None:
        return _("{line}: {query} — no close match").format(line=number, query=strip_controls(query)[:60])
    return f"{number}: {strip_controls(query)[:60]} → {strip_controls(pick_text(hit.summary.name))} " \
           f"({hit.summary.country}, {hit.confidence})"
