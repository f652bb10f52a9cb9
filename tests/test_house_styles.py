"""benchmarks/house_styles.py (issue 16): each house style respells figures and periods without changing what they
say, in the text and in the annotation alike, so that the corpus' annotations stay true. The article is invented."""

from __future__ import annotations

import importlib
import re

from _corpus_bench import cc  # noqa: F401  (loading it puts benchmarks/ on sys.path)

hs = importlib.import_module("house_styles")

TEXT = ("In January–November 2024, according to China's customs, trade with Kazakhstan reached $24.1 billion, "
        "up 12.5% from a year earlier. Exports came to $15 billion, 62 percent of the total.")


def _article() -> cc.Article:
    claims = [
        {"sentence": TEXT.split(". ")[0] + ".", "figure": "$24.1 billion", "reporter": "CHN", "partner": "KAZ",
         "flow": "T", "period": "2024-01/2024-11", "kind": "level", "value": 24.1e9, "value_cny": None,
         "qualifier": "exact", "correct": True, "expect_flag": None},
        {"sentence": TEXT.split(". ")[0] + ".", "figure": "12.5%", "reporter": "CHN", "partner": "KAZ",
         "flow": "T", "period": "2024-01/2024-11", "kind": "growth", "value": 12.5, "value_cny": None,
         "qualifier": "exact", "correct": True, "expect_flag": None},
    ]
    ann = {"model_url": "https://example.org/a", "model_outlet": "invented", "figures_source": "invented",
           "pair": "CHN-KAZ", "structures": [], "claims": claims, "not_claims": ["62 percent"]}
    assert not cc.validate(ann, TEXT)
    return cc.Article("dev", "invented", TEXT, ann)


def test_every_style_keeps_the_annotation_valid_and_changes_the_text() -> None:
    for name, fn in [*hs.STYLES.items(), ("all", hs.all_styles)]:
        got = hs.restyle(_article(), fn)
        assert got is not None, name
        new, changed = got
        assert changed and new.text != TEXT, name
        assert not cc.validate(new.ann, new.text), name
        # the numbers stay: every digit run of the plain text is still there, in order
        digits = lambda s: re.findall(r"\d+", s)  # noqa: E731
        assert digits(new.text) == digits(TEXT), name
        assert [c["value"] for c in new.ann["claims"]] == [24.1e9, 12.5]


def test_styles_spell_figures_as_outlets_do() -> None:
    assert hs.STYLES["dollars-after"]("$24.1 billion") == "24.1 billion US dollars"
    assert hs.STYLES["short-scale"]("$310 million") == "$310mn"
    assert hs.STYLES["decimal-comma"]("$24.1 billion, up 12.5%, $1,234.5 million") == (
        "$24,1 billion, up 12,5%, $1,234.5 million")  # a thousands separator stays as it is
    assert hs.STYLES["per-cent"]("32% and 5 percent") == "32 per cent and 5 per cent"
    assert hs.STYLES["month-abbrev"]("January–November, May") == "Jan.–Nov., May"
    assert hs.STYLES["hyphen-ranges"]("Jan.–Nov. and 2023–2024") == "Jan.-Nov. and 2023-2024"


def test_an_annotation_that_no_longer_fits_is_left_out() -> None:
    art = _article()
    art.ann["claims"][0]["figure"] = "$24.1"  # cut inside the amount: alone it is not respelled as in context
    assert hs.restyle(art, hs.STYLES["dollars-after"]) is None
