"""The Qt runtime: app wiring, single instance, ticker, tray, the state facade."""
