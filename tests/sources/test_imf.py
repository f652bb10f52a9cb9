"""IMF IMTS: the recorded SDMX-ML 3.0 message, the URL, periods, areas."""

from __future__ import annotations

from pathlib import Path

import pytest

from mirrortrade.errors import CodeError, SourceError
from mirrortrade.sources import imf

from .conftest import DATA

RECORDED = DATA / "imf" / "IMTS_data_USA.XG_FOB_USD.G001+G998.A_2023-2024.xml"


def test_parse_recorded_message_values_are_plain_usd() -> None:
    rep = imf.parse_report(RECORDED)
    got = {(o.reporter, o.partner, o.flow, o.period): o.value_usd for o in rep.observations}
    # OBS_VALUE as recorded; SCALE="6" is not applied (USA->World 2023 is about 2.02 trillion USD, which the
    # legacy DOT API gives as 2019551.635133 million; fixtures SOURCES.md)
    assert got == {
        ("USA", "WLD", "X", "2023"): 2019551635133.0,
        ("USA", "WLD", "X", "2024"): 2065411250609.0,
        ("USA", "EUU", "X", "2023"): 369756760426.0,
        ("USA", "EUU", "X", "2024"): 371064529410.0,
    }
    assert all(o.valuation == "FOB" and o.source_id == "IMF-IMTS" for o in rep.observations)
    assert rep.skipped_series == []


def test_url_for_a_query() -> None:
    (req,) = imf.build(imf.ImfQuery(countries=("USA",), partners=("WLD", "EUU"), years=(2023, 2025), flows=("X",)))
    # the recorded request (OpenBB) is the same path with ...le:2026-01-01; we end on the last day of the last year
    assert req.full_url == (
        "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/USA.XG_FOB_USD.G001+G998.A"
        "?c%5BTIME_PERIOD%5D=ge:2023-01-01+le:2025-12-31&dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false"
    )
    assert req.accept == "application/xml" and req.expect == "xml"


def test_both_sides_of_china_central_asia_in_one_key() -> None:
    (req,) = imf.build(imf.ImfQuery(countries=("CHN", "KAZ"), partners=("KAZ", "CHN"), years=(2024,), freq="M"))
    assert "/IMTS/+/CHN+KAZ.XG_FOB_USD+MG_CIF_USD.KAZ+CHN.M?" in req.full_url


@pytest.mark.parametrize("freq, t, period", [("A", "2023", "2023"), ("Q", "2023-Q2", "2023-Q2"),
                                             ("M", "2023-M07", "2023-07"), ("M", "2023-07", "2023-07")])
def test_periods(freq: str, t: str, period: str) -> None:
    assert imf.period_of(freq, t) == period


def test_bad_query_and_bad_period() -> None:
    with pytest.raises(CodeError):
        imf.check(imf.ImfQuery(countries=("CHN",), years=(2024,), freq="W"))
    with pytest.raises(SourceError):
        imf.period_of("Q", "2023-13")


def test_area_counterparts_are_skipped(tmp_path: Path) -> None:
    text = RECORDED.read_text().replace('COUNTERPART_COUNTRY="G998"', 'COUNTERPART_COUNTRY="GX170"')
    p = tmp_path / "m.xml"
    p.write_text(text)
    rep = imf.parse_report(p)
    assert {o.partner for o in rep.observations} == {"WLD"}
    assert rep.skipped_series == ["USA.XG_FOB_USD.GX170.A: counterpart is an area, not a partner country"]


def test_a_message_of_another_structure_is_refused_and_leaves_no_state(tmp_path: Path) -> None:
    """An SDMX-ML 2.1 message with other dimensions: refused. Reading it first must not break the next read
    (sdmx1 keeps namespaces globally; see the comment in sources/imf.py)."""
    other = (
        '<?xml version="1.0" encoding="UTF-8"?><message:StructureSpecificData '
        'xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" '
        'xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific" '
        'xmlns:ns1="urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=T:DSD_T(1.0):ObsLevelDim:TIME_PERIOD">'
        '<message:Header><message:ID>t</message:ID><message:Test>false</message:Test>'
        '<message:Prepared>2026-01-01T00:00:00</message:Prepared><message:Sender id="T"/>'
        '<message:Structure structureID="T_DSD_T" dimensionAtObservation="TIME_PERIOD" '
        'namespace="urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=T:DSD_T(1.0):ObsLevelDim:TIME_PERIOD">'
        '<common:Structure xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">'
        '<Ref agencyID="T" id="DSD_T" version="1.0"/></common:Structure></message:Structure></message:Header>'
        '<message:DataSet ss:structureRef="T_DSD_T" xsi:type="ns1:DataSetType" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<Series FOO="A" BAR="B"><Obs TIME_PERIOD="2025" OBS_VALUE="1"/>'
        "</Series></message:DataSet></message:StructureSpecificData>"
    )
    p = tmp_path / "other.xml"
    p.write_text(other)
    with pytest.raises(SourceError, match="not an IMF IMTS message.*no COUNTRY, INDICATOR, COUNTERPART_COUNTRY, FREQUENCY"):
        imf.parse(p)
    assert len(imf.parse(RECORDED)) == 4
