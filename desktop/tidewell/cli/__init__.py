"""The command line: ``tidewell.cli:main`` is the ``tidewell`` command (see main.py)."""

from tidewell.cli.main import main, main_gui

__all__ = ["main", "main_gui"]
