"""Sources: one small module per publisher, each with the same four steps.

``check(query)`` validates, ``build(query)`` returns the exact request(s), ``fetch(request)``
puts the raw response on disk (cached, see :mod:`mirrortrade.sources.http`), ``parse(raw)``
returns :class:`~mirrortrade.model.Observation` (or :class:`~mirrortrade.model.Indicator`
for GDP) records. :mod:`mirrortrade.sources.ingest` puts them into the store.
"""

from __future__ import annotations

from types import ModuleType

from mirrortrade.sources import comtrade, imf, worldbank
from mirrortrade.sources.national import kaz_bns, kgz_nsc, uzb_stat

#: source name -> module (no import-by-name)
SOURCES: dict[str, ModuleType] = {
    "comtrade": comtrade,
    "imf": imf,
    "worldbank": worldbank,
    "kaz_bns": kaz_bns,
    "kgz_nsc": kgz_nsc,
    "uzb_stat": uzb_stat,
}

__all__ = ["SOURCES"]
