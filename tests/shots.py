"""Where tests save the pictures a person should look at (and the start-up timings)."""

import os
from pathlib import Path

SCREENSHOTS = Path(
    os.environ.get("TIDEWELL_SCREENSHOTS", Path(__file__).resolve().parents[1] / "build" / "e2e")
)
TIMINGS = SCREENSHOTS / "timings.json"
