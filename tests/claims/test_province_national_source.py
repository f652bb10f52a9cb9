"""In an article about a Chinese province, a sentence that names the national customs administration as its figure's
source and names no province is the country's own statistic (issue 16: the reporter slot left unresolved as a
province's, ``extract._national_sentence``).

Figures: Sputnik (2015-03-06) quoting Heilongjiang's governor Lu Hao: Heilongjiang-Russia trade 2014 $23.2 billion
(+4.1%); China's customs: China-Russia trade 2014 $95.3 billion, up almost seven percent (GAC: $95.28 billion)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims

LEAD = ("HARBIN, March 6, 2015 – Trade between northeast China's Heilongjiang Province and Russia rose 4.1 percent "
        "last year to $23.2 billion, the province's governor Lu Hao told reporters.\n\n")


def _levels(text: str) -> list[tuple]:
    return [(c.reporter, c.partner, c.value_usd, c.missing, c.how.get("reporter"))
            for c in extract_claims(text, article_date=date(2015, 3, 6)) if c.value_usd is not None]


def test_the_national_customs_named_in_its_sentence_gives_the_countrys_figure() -> None:
    text = LEAD + ("According to the Chinese customs department, trade turnover between the two countries increased "
                   "by almost seven percent in 2014 and reached $95.3 billion.")
    got = _levels(text)
    assert got[-1] == ("CHN", "RUS", 95.3e9, [], "sentence")
    assert got[0][3] == ["reporter"]  # the province's own figure stays unresolved


def test_a_sentence_naming_the_province_or_a_local_customs_office_stays_the_provinces() -> None:
    named = LEAD + ("According to China's General Administration of Customs, Heilongjiang's trade with Russia came "
                    "to $23.2 billion in 2014.")
    assert all(g[3] == ["reporter"] for g in _levels(named))
    local = LEAD + ("According to Harbin customs, trade turnover between the two countries reached $23.2 billion in "
                    "2014.")
    assert all(g[3] == ["reporter"] for g in _levels(local))
    # "the two sides" of a province article may be the province and its neighbour, whoever's figures they are
    sides = LEAD + ("According to China's General Administration of Customs, trade turnover between the two sides "
                    "reached $23.2 billion in 2014.")
    assert all(g[3] == ["reporter"] for g in _levels(sides))
