"""The Qt runtime: app wiring, single instance, ticker, tray, the state facade."""

WINDOW_FLAG = "--window"  # `tidewell --window settings FOLDER`: a window's own process
