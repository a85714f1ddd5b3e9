"""Calendars: iCalendar feeds and files, read in a bounded child process, never trusted."""
