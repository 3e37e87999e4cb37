"""Situation checks: dated rule records evaluated for one person's situation."""
