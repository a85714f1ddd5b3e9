"""The bundle's entry point (PyInstaller): the same command line as the `tidewell` script."""

from tidewell.cli import main

raise SystemExit(main())
