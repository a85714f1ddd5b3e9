"""Persistence: the data folder, atomic TinyDB files, backups, recovery, the journal.

No Qt here. Time comes from a Clock.
"""
