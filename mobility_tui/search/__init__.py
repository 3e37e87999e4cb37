"""Search: the stored label index, and how a match's confidence is judged."""

from mobility_tui.search.confidence import CLOSE, EXACT, WEAK
from mobility_tui.search.index import Entry, Label, Match, SearchIndex, build_index

__all__ = ["CLOSE", "EXACT", "WEAK", "Entry", "Label", "Match", "SearchIndex", "build_index"]
