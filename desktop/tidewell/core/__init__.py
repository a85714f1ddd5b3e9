"""Tidewell's domain: rules, protected time, people, seasons and the scheduler.

Pure Python. Nothing here imports Qt or reads the wall clock: time comes from a Clock.
"""
