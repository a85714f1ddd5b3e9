"""Tidewell: keeps your own version of balance on your computer and nudges you gently."""

__version__ = "0.1.0"
