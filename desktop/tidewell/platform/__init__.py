"""Adapters to the operating system: the wall clock, idle time, autostart, notifications."""
