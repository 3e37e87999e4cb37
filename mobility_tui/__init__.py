"""mobility-tui: an offline assistant for work mobility between Finland and Sweden."""

__version__ = "0.1.0"
