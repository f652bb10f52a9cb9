"""The claims-corpus benchmark (issue 16): its scorer on a tiny hand-made prediction/annotation pair, and every
corpus annotation against the schema (sentences in their text, figures in their sentence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from _corpus_bench import cc, cs

TEXT = ("China's exports to Kazakhstan reached $29.7 billion in 2025, up 20 percent. "
        "Kazakhstan's imports from China were $19 billion in 2025. Tourists numbered 500,000 last year. "
        "Exports from China to Uzbekistan were $14.2 billion.")


def _exp(sentence: str, figure: str, rep: str, par: str, flow: str, kind: str, value: float,
         flag: str | None = None) -> dict:
    return {"sentence": sentence, "figure": figure, "reporter": rep, "partner": par, "flow": flow,
            "period": "2025", "kind": kind, "value": value, "value_cny": None, "qualifier": "exact",
            "correct": True, "expect_flag": flag}


ANN = {
    "model_url": "https://example.org/a", "model_outlet": "test", "figures_source": "test", "pair": "CHN-KAZ",
    "structures": [],
    "claims": [
        _exp("China's exports to Kazakhstan reached $29.7 billion in 2025", "$29.7 billion", "CHN", "KAZ", "X",
             "level", 29.7e9),
        _exp("reached $29.7 billion in 2025, up 20 percent", "20 percent", "CHN", "KAZ", "X", "growth", 20.0,
             flag="growth_consistency"),
        _exp("Kazakhstan's imports from China were $19 billion in 2025", "$19 billion", "KAZ", "CHN", "M", "level",
             19e9),
        _exp("Exports from China to Uzbekistan were $14.2 billion", "$14.2 billion", "CHN", "UZB", "X", "level", 14.2e9),
    ],
    "not_claims": ["500,000"],
}


def _claim(cid: str, quote: str, rep: str, par: str, flow: str, status: str, **values: float | None) -> dict:
    return {"id": cid, "quote": quote, "reporter": rep, "partner": par, "flow": flow, "period": "2025",
            "qualifier": "exact", "source": None, "status": status, "value_usd": None, "value_low": None,
            "value_high": None, "growth_pct": None, **values}


SENT = [s.strip() for s in TEXT.replace(". ", ".|").split("|")]

RESULT = {
    "claims": [
        # one claim carrying a level and a growth rate, flagged: the level is right, the growth was expected
        # to be flagged, so the claim's flag is right and no false flag
        _claim("c1", SENT[0], "CHN", "KAZ", "X", "conflict", value_usd=29.7e9, value_low=29.65e9,
               value_high=29.75e9, growth_pct=20.0),
        # read right, but flagged although correct: a wrong verdict and a false flag
        _claim("c2", SENT[1], "KAZ", "CHN", "M", "conflict", value_usd=19e9, value_low=18.5e9, value_high=19.5e9),
        # a misread number that got flagged: a false flag, and its finding too
        _claim("c3", SENT[2], "CHN", "KAZ", "T", "conflict", value_usd=5e5, value_low=5e5, value_high=5e5),
        # unresolved: no prediction, counted in the unresolved share
        {"id": "c4", "quote": SENT[1], "reporter": None, "partner": "CHN", "flow": "M", "period": "2025",
         "value_usd": 19e9, "value_low": 18.5e9, "value_high": 19.5e9, "growth_pct": None, "status": "unresolved"},
        # right sentence and value, wrong partner: a slot error, no match
        _claim("c5", SENT[3], "CHN", "KAZ", "X", "consistent", value_usd=14.2e9, value_low=14.15e9,
               value_high=14.25e9),
    ],
    "findings": [
        {"rule": "source_conflict", "status": "conflict", "claims": ["c3"]},
        {"rule": "mirror_gap", "status": "conflict", "claims": ["c1", "c2"]},
        {"rule": "sum_consistency", "status": "consistent", "claims": ["c1", "c3"]},
    ],
}


def test_scorer_on_a_hand_made_pair() -> None:
    s = cs.summary(cs.score_article(TEXT, ANN, RESULT))
    assert (s["levels"]["matched"], s["levels"]["predicted"], s["levels"]["expected"]) == (2, 4, 3)
    assert s["levels"]["precision"] == pytest.approx(2 / 4) and s["levels"]["recall"] == pytest.approx(2 / 3)
    assert (s["growth"]["matched"], s["growth"]["predicted"], s["growth"]["expected"]) == (1, 1, 1)
    assert s["pooled"]["f1"] == pytest.approx(2 * (3 / 5) * (3 / 4) / (3 / 5 + 3 / 4))
    assert s["slot_errors"] == {"partner": 1}
    assert s["checkable"] == 2 and s["verdict_accuracy"] == pytest.approx(0.5)
    assert s["expected_flags_caught"] == "1/1"
    assert s["false_flags"] == 2 and s["false_flag_findings"] == 2
    assert s["unresolved_share"] == pytest.approx(1 / 5)


def test_the_clean_check_counts_flags_on_correct_figures() -> None:
    # 3 correct figures with no expected flag ($29.7bn, $19bn, $14.2bn); c2 flags $19bn; c1's flag is its growth
    # rate's (expected), not the level's; c5 is not flagged
    s = cs.summary(cs.score_article(TEXT, ANN, RESULT))
    assert (s["clean_flagged"], s["clean_claims"]) == (1, 3)
    assert s["clean_flags_per_100"] == pytest.approx(100 / 3)
    # a correct figure flagged is counted whatever its slots: c5 (wrong partner) flagged makes it 2 of 3
    import copy

    res = copy.deepcopy(RESULT)
    res["claims"][4]["status"] = "conflict"
    s = cs.summary(cs.score_article(TEXT, ANN, res))
    assert (s["clean_flagged"], s["clean_claims"]) == (2, 3)
    assert "2/3" in cc._clean(s)


def test_a_world_total_not_claim_is_left_out_of_precision_but_a_misread_bilateral_figure_is_not() -> None:
    """README: a country's world totals are not claims; the checker reads them (partner WLD) on purpose. Such a
    prediction is unscored when its value is the not-claim's; a bilateral figure read as a world total stays an
    extra prediction, and a world total with another value (a misreading) too."""
    text = "Uzbekistan's foreign trade came to $12,9 billion in 2025. Exports to China were $3.1 billion in 2025."
    sents = [s.strip() for s in text.replace(". ", ".|").split("|")]
    ann = {**ANN, "claims": [_exp(sents[1], "$3.1 billion", "UZB", "CHN", "X", "level", 3.1e9)],
           "not_claims": ["$12,9 billion"]}

    def run(*claims: dict) -> dict:
        return cs.summary(cs.score_article(text, ann, {"claims": list(claims), "findings": []}))

    world = _claim("c1", sents[0], "UZB", "WLD", "T", "consistent", value_usd=12.9e9, value_low=12.85e9,
                   value_high=12.95e9)
    bilateral = _claim("c2", sents[1], "UZB", "CHN", "X", "consistent", value_usd=3.1e9, value_low=3.05e9,
                       value_high=3.15e9)
    s = run(world, bilateral)
    assert s["pooled"]["predicted"] == 1 and s["pooled"]["precision"] == pytest.approx(1.0)
    assert s["world_totals_unscored"] == 1
    # the bilateral figure misread as a world total: an extra prediction and a miss
    s = run(world, {**bilateral, "partner": "WLD"})
    assert s["pooled"]["predicted"] == 1 and s["pooled"]["matched"] == 0
    # a world total with a value the not-claim does not print stays an extra prediction
    s = run({**world, "value_usd": 1.29e9, "value_low": 1.285e9, "value_high": 1.295e9}, bilateral)
    assert s["pooled"]["predicted"] == 2 and s["world_totals_unscored"] == 0
    # a flagged world total is still a false flag
    s = run({**world, "status": "conflict"}, bilateral)
    assert s["false_flags"] == 1


def test_a_claim_without_kind_is_split_and_a_kind_is_honoured() -> None:
    kinds = [p.kind for p in cs.predictions({"claims": [RESULT["claims"][0]]})]
    assert kinds == ["level", "growth"]
    typed = {"claims": [{"id": "x", "quote": "q", "kind": "change", "value_usd": -2.6e8, "value_low": -2.7e8,
                         "value_high": -2.5e8, "status": "unverifiable"}]}
    (p,) = cs.predictions(typed)
    assert p.kind == "change" and cs.value_matches(p, {"kind": "change", "value": -2.6e8, "value_cny": None})
    assert not cs.value_matches(p, {"kind": "change", "value": 2.6e8, "value_cny": None})


def test_periods_and_values() -> None:
    assert cs.same_period("2024-H1", "2024-01/2024-06") and cs.same_period("2024-Q3", "2024-07/2024-09")
    assert cs.same_period("2024", "2024-01/2024-12") and not cs.same_period("2024", "2024-H1")
    assert not cs.same_period(None, "2024")
    bound = cs.Pred("c", "q", "CHN", "KAZ", "T", "2024", "level", 8.1e9, 8.1e9, None, None, "lower", "consistent")
    assert cs.value_matches(bound, {"kind": "level", "value": 8.1e9, "value_cny": None})
    assert not cs.value_matches(bound, {"kind": "level", "value": 8.0e9, "value_cny": None})
    g = cs.Pred("c", "q", "CHN", "KAZ", "T", "2024", "growth", 10.44, None, None, None, "exact", "consistent")
    assert cs.value_matches(g, {"kind": "growth", "value": 10.4, "value_cny": None})
    assert not cs.value_matches(g, {"kind": "growth", "value": 10.3, "value_cny": None})


def test_validate_catches_a_bad_annotation() -> None:
    assert cc.validate(ANN, TEXT) == []
    bad = {**ANN, "claims": [{**ANN["claims"][0], "figure": "$30 billion", "flow": "Z", "period": "last year"}]}
    errs = cc.validate(bad, TEXT)
    assert any("figure not in its sentence" in e for e in errs)
    assert any("flow" in e for e in errs) and any("period" in e for e in errs)
    assert any("sentence not in the text" in e for e in cc.validate(ANN, "another text"))


@pytest.mark.parametrize("set_name", cc.SETS)
def test_every_corpus_annotation_follows_the_schema(set_name: str) -> None:
    for art in cc.load_set(set_name):
        if art.text is None:
            assert set_name == "seeds", f"{set_name}/{art.name}: no .txt beside the .json"
            continue
        assert cc.validate(art.ann, art.text) == [], f"{set_name}/{art.name}"


def test_the_held_out_set_is_there() -> None:
    arts = cc.load_set("heldout")
    assert len(arts) == 15
    assert sum(1 for a in arts if a.ann["claims"]) == 15


@pytest.mark.parametrize("set_name", ["heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
                                      "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
                                      "heldout15", "heldout16", "heldout17", "heldout18"])
def test_the_later_held_out_sets_are_there_and_modelled_on_new_articles(set_name: str) -> None:
    """heldout2 to heldout18 (issue 16): each written before that day's extractor changes, on articles that no
    other set is modelled on: 15 articles, 10 on China and the Central Asian states, each with claims that name
    all their slots (the schema test above checks their values), and at least one deliberately wrong figure."""
    arts = cc.load_set(set_name)
    assert len(arts) == 15
    pairs = [a.ann["pair"] for a in arts]
    assert sum(1 for p in pairs if any(c in p for c in ("KAZ", "KGZ", "TJK", "TKM", "UZB", "CA5"))) >= 10
    assert all(a.text is not None and a.ann["claims"] for a in arts)
    urls = [a.ann["model_url"] for a in arts]
    assert len(set(urls)) == len(urls), f"two {set_name} articles share a model"
    others = {a.ann["model_url"] for n in cc.SETS if n != set_name for a in cc.load_set(n)}
    assert not others.intersection(urls), f"modelled on an article another set already uses: {others & set(urls)}"
    assert any(not c["correct"] and c["expect_flag"] for a in arts for c in a.ann["claims"])
    for a in arts:
        for c in a.ann["claims"]:
            assert all(c[k] is not None for k in cs.SLOTS + ("value", "qualifier")), f"{a.name}: {c['figure']}"


@pytest.mark.parametrize("set_name", ["heldout15", "heldout16", "heldout17", "heldout18"])
def test_the_english_only_held_out_sets_are_english_only(set_name: str) -> None:
    """heldout15 to heldout18 are written in English only: the checker refuses texts in non-Latin scripts, so every
    article's script must pass (script_problem only names a text's script; it does not run the checker)."""
    from mirrortrade.claims.io import script_problem

    arts = cc.load_set(set_name)
    assert len(arts) == 15
    assert all(a.text is not None and script_problem(a.text) is None for a in arts), \
        [a.name for a in arts if a.text is None or script_problem(a.text) is not None]


def test_a_crashing_check_is_scored_as_missed_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    d = tmp_path / "dev"
    d.mkdir()
    (d / "01_a.txt").write_text(TEXT, encoding="utf-8")
    (d / "01_a.json").write_text(json.dumps(ANN), encoding="utf-8")

    def boom(text: str, store: object, article_date: object = None) -> dict:
        raise ValueError("no previous level")

    monkeypatch.setattr(cc, "check_text", boom)
    s = cc.run_sets(["dev"], corpus=tmp_path)["dev"]
    assert s["crashed"] == ["01_a: ValueError: no previous level"]
    assert s["pooled"]["recall"] == 0.0 and s["pooled"]["expected"] == 4
