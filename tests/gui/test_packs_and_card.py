"""Packs and the "Working with me" card in the windows: share a pack of your own, open one,
take what is ticked (it lands in the draft, to adapt before saving), a newer version shows
only what changed and the adaptation survives, leave it; the card saves Markdown and a
picture and remembers how to reach you."""

from __future__ import annotations

import json
from pathlib import Path

from msgspec.structs import replace
from PySide6.QtGui import QImage

from tidewell.core.packs import make_pack, read_pack, write_pack
from tidewell.shell.app import TidewellApp
from tidewell.ui.settings.window import SettingsWindow


def packs_page(window: SettingsWindow):  # type: ignore[no-untyped-def]
    window.sidebar.setCurrentRow(window.page_row(window.packs))
    return window.packs


def test_share_a_pack_of_your_own(
    qtbot, window: SettingsWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = packs_page(window)
    page.make()
    dialog = page.dialog
    assert not dialog.save.isEnabled()
    dialog.title.setText("How I keep my evenings")
    dialog.author.setText("Maya")
    kinds = [kind for kind, _i, _b, _w in dialog.picks]
    first = kinds.index("protected")
    dialog.picks[first][2].setChecked(True)
    dialog.picks[first][3].setText("Dinner is ours.")
    assert dialog.save.isEnabled()
    out = tmp_path / "evenings.json"
    monkeypatch.setattr(
        "tidewell.ui.settings.packs_page.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(out), ""),
    )
    dialog.save.click()
    pack = read_pack(out.read_bytes())
    assert (pack.title, pack.author) == ("How I keep my evenings", "Maya")
    assert [(i.kind, i.why) for i in pack.items] == [("protected", "Dinner is ours.")]
    assert "Nothing comes back to you" in page.message.text()


def test_take_adapt_a_newer_version_and_leave(
    qtbot, shell: TidewellApp, window: SettingsWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    state = shell.runtime.state
    block = state.blocks[0]
    theirs = replace(state, blocks=[replace(block, id="team-evenings", reason="Team evenings")])
    shared = [("protected", "team-evenings", "We all log off at seven.")]
    v1 = make_pack(theirs, shared, pack_id="team", title="Team evenings", author="Maya",
                   note="", day=block_day())  # fmt: skip
    path = tmp_path / "team.json"
    path.write_bytes(write_pack(v1))
    page = packs_page(window)
    page.source.setText(str(path))
    page.open_source()
    preview = page.dialog
    words = [label.text() for label in preview.findChildren(type(page.message))]
    assert any("nothing goes back to whoever made it" in w for w in words)
    assert list(preview.boxes) == ["team-evenings"]
    assert not preview.boxes["team-evenings"].isChecked()  # a new item waits to be ticked
    preview.boxes["team-evenings"].setChecked(True)
    preview.take_button.click()
    assert "Save to keep it" in page.message.text()
    assert any(b.id == "team-evenings" for b in window.draft.blocks)
    assert window.save()
    taken = next(b for b in shell.runtime.state.blocks if b.id == "team-evenings")
    # adapted in the Protected page's way: a later end
    adapted = replace(taken, end="21:30") if taken.end != "21:30" else replace(taken, end="22:00")
    blocks = [adapted if b.id == "team-evenings" else b for b in shell.runtime.state.blocks]
    shell.runtime.apply_definitions(replace(shell.runtime.state, blocks=blocks))
    doc = json.loads(path.read_text())
    doc["version"] = 2
    doc["items"][0]["item"]["start"] = "18:00"
    path.write_text(json.dumps(doc))
    window.revert()
    page.source.setText(str(path))
    page.open_source()
    newer = page.dialog
    assert list(newer.boxes) == ["team-evenings"]
    assert newer.boxes["team-evenings"].isChecked()  # already theirs: the update is offered
    newer.take_button.click()
    assert window.save()
    after = next(b for b in shell.runtime.state.blocks if b.id == "team-evenings")
    assert (after.start, after.end) == ("18:00", adapted.end)  # the adaptation survives
    assert [p.version for p in shell.runtime.state.packs] == [2]
    page.list.setCurrentRow(0)
    assert page.leave_button.isEnabled()
    page.leave_selected()
    assert window.save()
    assert shell.runtime.state.packs == []
    assert any(b.id == "team-evenings" for b in shell.runtime.state.blocks)


def block_day():  # type: ignore[no-untyped-def]
    from datetime import date

    return date(2026, 11, 23)


def test_a_broken_pack_is_refused_whole_in_words(window: SettingsWindow, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"tidewell_pack": 1, "id": "x"}')
    page = packs_page(window)
    before = window.draft
    page.source.setText(str(path))
    page.open_source()
    assert page.message.text().startswith("Nothing was taken:")
    assert "$" not in page.message.text()
    assert window.draft == before


def test_the_working_with_me_card_saves_words_and_a_picture(
    qtbot, shell: TidewellApp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    shell.open_review()
    review = shell.review
    assert review is not None
    review.open_card()
    card = review.card
    card.reach.setPlainText("A message is fine until 18:00.")
    reasons = [b.reason for b in shell.runtime.state.blocks if b.reason]
    card.save_to(tmp_path / "me.md")
    text = (tmp_path / "me.md").read_text()
    assert text.startswith("# Working with me")
    assert "## When I'm offline" in text and "A message is fine until 18:00." in text
    assert not any(r in text for r in reasons)  # colleagues see when, not why
    picture = QImage(str(tmp_path / "me.png"))
    assert picture.width() == 1280 and picture.height() > 200
    assert shell.runtime.state.balance.reach_me == "A message is fine until 18:00."
    card.reasons.setChecked(True)
    card.save_to(tmp_path / "me.md")
    assert all(r in (tmp_path / "me.md").read_text() for r in reasons)
    review.close()
