"""Compiles the translations (``.po`` → ``.mo``) whenever Tidewell is built or installed,
so no compiled file is kept in the repository."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTranslations(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        locale = Path(self.root) / "desktop" / "tidewell" / "locale"
        for po in sorted(locale.glob("*/LC_MESSAGES/tidewell.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle)
            buffer = BytesIO()
            write_mo(buffer, catalog)
            po.with_suffix(".mo").write_bytes(buffer.getvalue())
