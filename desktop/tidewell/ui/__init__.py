"""Widgets: the nudge popup, the quick panel, the no-tray window."""
