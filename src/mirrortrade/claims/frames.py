"""Frames: a flow statement (who, whom, which flow) and the article-level context claims are read in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.context import Series
from mirrortrade.claims.sources import _Source


@dataclass
class _Flow:
    """A resolved flow statement: subject S's flow F with partner P (or parties for T/B)."""

    flow: str | None  # None: a difference whose flow the sentence does not say
    subject: str | None = None
    partner: str | None = None
    parties: tuple[str, ...] = ()
    world: bool = False
    sign: int = 1  # -1 for "deficit"
    #: where the flow's parties were found (the provenance of the claim's partner): "clause" (the flow phrase),
    #: "clause-subject", "previous-figure", "list-member", "respectively", "antecedent", "ranking", ...
    how: str = "clause"
    #: the one country the flow phrase itself says the flow is of ("India's trade with China", "Kazakh exports to
    #: China", "the turnover of Tajikistan with Russia"); None for a pair named in no order ("trade between Russia
    #: and China", "China-Mongolia trade", "bilateral trade")
    holder: str | None = None


@dataclass
class _Article:
    text: str
    ref_year: int | None
    data_year: int | None
    hub: str | None
    default_source: _Source | None
    about_ca: bool
    #: the paragraph that names the article's first source: it speaks for the paragraphs after it, and for
    #: those before it only when it stands in the article's lead (its first three paragraphs)
    default_para: int = 0
    default_in_lead: bool = True
    seen_periods: list[str] = field(default_factory=list)  # periods figures stated explicitly, in text order
    #: the last level claims of the article so far: what a ranking without a verb continues
    #: ("Kyrgyzstan came second with $22.7 billion. Next come Uzbekistan ($13.7 billion), ...")
    last_levels: list[Claim] = field(default_factory=list)
    #: when the article was published (its date or dateline): dates a part of a year printed without its year
    ref_date: date | None = None
    fiscal_start: int | None = None  # the first month of the fiscal year the article's fiscal periods use
    #: the period the last paragraph was about (its sentences' lead period): a paragraph that names none goes on
    #: about it ("In January–May trade reached ... ." then "China took first place with $2.3 billion.")
    carry_period: str | None = None
    after_span: bool = False  # the period in context is a span with no calendar months (a fiscal year)
    #: the last sentence of the paragraph just before, when that paragraph is running text that gave no figure at all
    #: ("Trade between China and Africa has hit new highs." then a paragraph opening "It gained 35.3 percent ..."):
    #: the statistic it names is what a pronoun opening the next paragraph refers to
    quiet_sentence: Any = None
    #: the article's main span: the period its lead (the first paragraph of running text to name one) is about
    main_span: str | None = None
    #: the last paragraph to open with a period opened with a part of the main span ("In July alone ..." under a
    #: lead about January-July): a side look at one part; the paragraphs after it go back to the main span, though
    #: not surely (nothing says which of the two a figure with no period of its own is about)
    side_part: bool = False
    bloc: str | None = None  # the one bloc the article names ("the bloc", "the continent" refer back to it)
    #: the country of the dateline's city ("BISHKEK, February 12, 2019 –"): whose agency a bare "the National
    #: Statistical Committee" is
    home: str | None = None
    #: the two countries the article is about (its headline's, else the two it names most): "bilateral trade"
    pair: tuple[str, ...] = ()
    #: the one country whose trade with many partners the article lists (see :func:`mirrortrade.claims.scope.trade_owner`)
    owner: str | None = None
    #: the agencies named so far whose country is known, with the words naming them: what "the customs agency",
    #: "the ministry" refer back to (see :mod:`mirrortrade.claims.agencies`)
    named: list[tuple[str, _Source]] = field(default_factory=list)
    #: the frame of the last claim-bearing sentence: what "It amounted to $y", "Exports came to $z" go on about
    series: Series = field(default_factory=Series)
    #: the last ranking of one country's partners read (paragraph, owner, flow): what "It was followed by ..." goes on
    #: with (see :mod:`mirrortrade.claims.rankings`)
    ranking: tuple[int, str, str] | None = None
    #: the claims of the last sentence that gave figures: what "The figures are taken from ..." speaks of (see
    #: :mod:`mirrortrade.claims.sourced_after`)
    last_figures: list[Claim] = field(default_factory=list)


def _with_party(fl: _Flow, own: str, before: str | None = None) -> _Flow:
    """``fl`` with ``own`` as the party that changes along a list (the partner; for trade, the second party).
    ``before`` is the member the previous figure of the list was given: it is the party that changes, never the one
    that stays ("surpluses with Italy with $3.9 billion, the Netherlands with $2.6 billion")."""
    if fl.flow in ("X", "M"):
        if own == fl.subject:
            return fl
        return _Flow(fl.flow, fl.subject, own, fl.parties, fl.world, fl.sign, fl.how)
    if fl.flow == "B" and fl.subject:
        # a balance with its holder named is read from its subject and partner ("Kazakhstan ran a surplus with Italy
        # ($4 million), Spain ($3 million)"): the member is its partner, never the first member carried on
        if own == fl.subject:
            return fl
        return _Flow(fl.flow, fl.subject, own, (fl.subject, own), fl.world, fl.sign, fl.how)
    if fl.flow in ("T", "B") and (len(fl.parties) == 1 or not (fl.parties or fl.world)):
        # "Trade grew with Kazakhstan (+$2.8 billion), Kyrgyzstan (+$2.9 billion)": the list member takes the place
        # of the one party named (the other is the reporter's); with none named, it is the one party
        return _Flow(fl.flow, fl.subject, fl.partner, (own,), fl.world, fl.sign, fl.how)
    if fl.flow in ("T", "B") and fl.parties:
        keep = [c for c in fl.parties if c != own and c != before][:1]
        if len(fl.parties) >= 2 and own not in fl.parties and (before not in fl.parties or not keep):
            keep = [fl.parties[0]]
        return _Flow(fl.flow, fl.subject, fl.partner, tuple(keep + [own]), fl.world, fl.sign, fl.how)
    return fl
