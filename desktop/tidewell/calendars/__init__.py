"""Calendars: iCalendar feeds and files, read in a bounded child process, never trusted."""

READER_FLAG = "--read-calendar"  # how a frozen bundle, which has no `-m`, starts the reader
