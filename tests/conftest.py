import sys
from pathlib import Path

# The import package lives under desktop/ (a src layout); make it importable without
# an install too, so a bare `pytest` from a checkout works.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))
