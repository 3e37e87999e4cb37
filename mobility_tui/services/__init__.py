"""Answers as plain objects, shared by the command line, the TUI and the exports."""
