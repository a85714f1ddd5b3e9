"""The quick panel's pages, by number: the tray menu opens them without loading the panel."""

HOME, WAITING, OFFLINE = range(3)
