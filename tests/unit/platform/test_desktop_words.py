"""The desktop entry and the AppStream metainfo Tidewell installs speak every shipped
language, merged from the same catalogue, and still pass their validators."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tidewell.assets import linux_dir
from tidewell.platform.desktop_entry import ENTRY_FILE, entry_text
from tidewell.platform.desktop_install import METAINFO_FILE
from tidewell.platform.desktop_words import localized_metainfo


def test_the_entry_speaks_every_language(tmp_path: Path) -> None:
    text = entry_text(["tidewell"])
    assert "Comment[de]=Deine eigene Balance, behutsam gehalten" in text
    assert "GenericName[ja]=バランスのお知らせ" in text
    assert "Keywords[fr]=équilibre;hors ligne;pause;famille;rappel;week-end;" in text
    assert "Name[pt_BR]=Configurações" in text  # the Settings action
    assert "\nName[de]=" not in text.split("[Desktop Action")[0]  # "Tidewell" is a name
    path = tmp_path / ENTRY_FILE
    path.write_text(text, encoding="utf-8")
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.fail("desktop-file-validate is missing; 'bash tools/test' installs it")
    done = subprocess.run([validator, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_speaks_every_language(tmp_path: Path) -> None:
    text = localized_metainfo((linux_dir() / METAINFO_FILE).read_text(encoding="utf-8"))
    assert '<summary xml:lang="de">Halte deine eigene Work-Life-Balance, behutsam</summary>' in text
    assert 'xml:lang="pt-BR"' in text and 'xml:lang="ar"' in text
    assert text.count('<p xml:lang="ja">') == 3
    path = tmp_path / METAINFO_FILE
    path.write_text(text, encoding="utf-8")
    validator = shutil.which("appstreamcli")
    if validator is None:
        pytest.fail("appstreamcli is missing; 'bash tools/test' installs it")
    done = subprocess.run(
        [validator, "validate", "--no-net", "--explain", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
