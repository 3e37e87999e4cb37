"""The terminal UI (Textual). Screens call services; none of them writes SQL."""
