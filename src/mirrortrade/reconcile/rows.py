"""The pair rows in NumPy: one narrow fetch of every mirror pair, and the row-level work done on it.

After the pairing, the engine fetches one narrow table of the pairs (:func:`stages.pair_rows`: the row's
cell position, product, both sides and log ratio) and computes from it, without another pass over the
pairs in the backend:

- the two-sided rows' log ratios for the trimming rounds of the reliability fit (:meth:`PairRows.log_ratios`);
- the unit-error candidates (:meth:`PairRows.unit_candidates`: the few two-sided rows far enough apart);
- the phantom rule's flow tables (:meth:`PairRows.flow_tables`) and the importer's published products
  (:meth:`PairRows.importer_publishes`).

Each gives what the backend queries it replaced gave (same rows and numbers; sums in another order): a group-by of 4–5 million flows over a fetched int64 key costs a fraction of the backend's
group-by of three strings stored as a table (realistic 20M: see benchmarks/RESULTS.md, branch i17-speed3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mirrortrade.reconcile import stages
from mirrortrade.reconcile.cells import cell_frame, plain_codes


@dataclass
class RowLogRatios:
    """The two-sided rows as two arrays: the position of the row's cell in the cell table (``cell``)
    and the row's log ratio ``ln(M/X)`` (``lr``)."""

    cell: np.ndarray
    lr: np.ndarray


@dataclass
class SortedFlows:
    """The rows with an exporter value (``rows``, positions in :class:`PairRows`) sorted by their flow key
    (``key``: exporter code, importer code, product code in one int64), built with the exporter ``labels``
    of a cell table of ``n_cells`` cells."""

    labels: np.ndarray
    n_cells: int
    rows: np.ndarray
    key: np.ndarray
    #: imports recorded per (importer, product): importer code × number of products + product code, the
    #: importer codes of ``importer_labels`` (for :meth:`PairRows.importer_publishes`)
    imports: np.ndarray | None = None
    importer_labels: np.ndarray | None = None

    def fits(self, cells: pd.DataFrame) -> bool:
        """Built from this cell table (same cells, same country codes)?"""
        return (
            self.n_cells == len(cells)
            and np.array_equal(self.labels, np.asarray(cells["exporter"].cat.categories, dtype=object))
            and (
                self.importer_labels is None
                or np.array_equal(self.importer_labels, np.asarray(cells["importer"].cat.categories, dtype=object))
            )
        )


def _floats(col: Any) -> np.ndarray:
    """A nullable double column as float64 with NaN for null."""
    return np.asarray(col.to_numpy(zero_copy_only=False), dtype=float)


@dataclass
class PairRows:
    """Every mirror pair (one row per exporter, importer, year, product): the position of its cell in the
    cell table (``cell``), its product as a code into ``products``, the exporter's and the importer's
    values (``vx``, ``vm``: NaN where that side is missing) and ``lr = ln(vm / vx)`` (NaN unless both)."""

    cell: np.ndarray
    product: np.ndarray
    products: np.ndarray
    vx: np.ndarray
    vm: np.ndarray
    lr: np.ndarray

    @classmethod
    def fetch(cls, pairs_all: Any, cells: pd.DataFrame, key: list[str]) -> PairRows:
        """One narrow fetch from the backend (Arrow, no pandas); the products dictionary-encoded, the log
        ratio computed here."""
        import ibis
        import pyarrow as pa

        idx = cell_frame(cells, [], key)
        idx["i"] = np.arange(len(idx), dtype=np.int32)
        tab = stages.pair_rows(pairs_all, ibis.memtable(idx), key).to_pyarrow()
        prod = tab.column("product").combine_chunks()
        if not pa.types.is_dictionary(prod.type):
            prod = prod.dictionary_encode()
        vx, vm = _floats(tab.column("vx")), _floats(tab.column("vm"))
        with np.errstate(invalid="ignore", divide="ignore"):
            lr = np.log(vm / vx)
        return cls(
            cell=tab.column("i").to_numpy(), product=prod.indices.to_numpy(zero_copy_only=False),
            products=np.asarray(prod.dictionary.to_pylist(), dtype=object), vx=vx, vm=vm, lr=lr,
        )

    def log_ratios(self) -> RowLogRatios:
        """The two-sided rows, for :func:`reliability.trimmed_sums`."""
        both = ~np.isnan(self.lr)
        return RowLogRatios(self.cell[both], self.lr[both])

    def unit_candidates(self, cells: pd.DataFrame, key: list[str], max_c: float) -> pd.DataFrame:
        """The pairs that can be flagged by :func:`stages.row_findings` (a unit error needs ``|lr − c| > ln(1000)/2``
        with ``|c| ≤ max_c``, so ``|lr| > ln(1000)/2 − max_c``: a superset), with their cell ``key``, product and both sides: the
        input of :func:`stages.estimate_rows`, which applies the exact rule."""
        with np.errstate(invalid="ignore"):
            pick = np.nonzero(np.abs(self.lr) > math.log(1000.0) / 2.0 - max_c - 1e-9)[0]
        out = plain_codes(cells.iloc[self.cell[pick]][list(dict.fromkeys([*stages.CELL_KEY, *key]))])
        out["product"] = self.products[self.product[pick]]
        out["value_exporter"] = self.vx[pick]
        out["value_importer"] = self.vm[pick]
        return out

    def sort_flows(self, cells: pd.DataFrame) -> SortedFlows:
        """Every row with an exporter value, sorted (stably) by its flow key: the sort of :meth:`flow_tables`
        done before the fit has chosen which rows it keeps (a stable sort of a subset keeps the order of the
        whole), so that it can run in a thread while the fit runs (NumPy sorts without the GIL)."""
        labels = np.asarray(cells["exporter"].cat.categories, dtype=object)
        n_c, n_p = max(len(labels), 1), max(len(self.products), 1)
        ex_codes = cells["exporter"].cat.codes.to_numpy().astype(np.int64)
        im_codes = cells["importer"].cat.codes.to_numpy().astype(np.int64)
        pair_key = (ex_codes * n_c + im_codes) * n_p
        rows = np.flatnonzero(~np.isnan(self.vx))
        key = pair_key[self.cell[rows]] + self.product[rows]
        order = np.argsort(key, kind="stable")
        # and the imports recorded per (importer, product), which need no fit either
        imp_labels = np.asarray(cells["importer"].cat.categories, dtype=object)
        has_m = ~np.isnan(self.vm)
        im = cells["importer"].cat.codes.to_numpy().astype(np.int64)
        imports = np.bincount(im[self.cell[has_m]] * n_p + self.product[has_m], minlength=max(len(imp_labels), 1) * n_p)
        return SortedFlows(
            labels=labels, n_cells=len(cells), rows=rows[order], key=key[order], imports=imports,
            importer_labels=imp_labels,
        )

    def flow_tables(
        self, cells: pd.DataFrame, min_years: int, sorted_flows: SortedFlows | None = None
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """``(summary, one_sided)``: the phantom rule's two flow tables, from the rows in memory.

        The exporter declarations the importer would have published (at least the cell's ``phantom_floor``,
        in cells where ``importer_reports``), grouped by flow (exporter, importer, product): ``n`` years
        declared, ``m`` of them without importer record. ``summary``: per exporter–importer pair, ``k`` flows
        with each ``(n, m)``. ``one_sided``: the flows with ``m ≥ min_years``, their value in the missing
        years and the first and last such year. ``sorted_flows``: :meth:`sort_flows` of the same cells, when
        done already."""
        ex_codes = cells["exporter"].cat.codes.to_numpy().astype(np.int64)
        im_codes = cells["importer"].cat.codes.to_numpy().astype(np.int64)
        labels = np.asarray(cells["exporter"].cat.categories, dtype=object)
        n_c = max(len(labels), 1)
        n_p = max(len(self.products), 1)
        # per cell: the value from which the importer would have published an export (never where it
        # reports nothing from that exporter), and the cell's pair as the high part of a flow key
        floor = np.where(
            cells["importer_reports"].to_numpy(dtype=bool), cells["phantom_floor"].to_numpy(dtype=float), np.inf
        )
        pair_key = (ex_codes * n_c + im_codes) * n_p
        # the flows by sorting their key (faster here than hashing it): a flow is a run of equal keys
        if sorted_flows is not None and sorted_flows.fits(cells):
            with np.errstate(invalid="ignore"):
                keep = self.vx[sorted_flows.rows] >= floor[self.cell[sorted_flows.rows]]
            rows, key = sorted_flows.rows[keep], sorted_flows.key[keep]
        else:
            with np.errstate(invalid="ignore"):
                rows = np.flatnonzero(self.vx >= floor[self.cell])
            key = pair_key[self.cell[rows]] + self.product[rows]
            order = np.argsort(key, kind="stable")
            key, rows = key[order], rows[order]
        start = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]])) if len(key) else np.zeros(0, np.int64)
        n = np.diff(np.append(start, len(key))).astype(np.int64)
        missing = np.isnan(self.vm[rows])
        m = np.add.reduceat(missing.astype(np.int64), start) if len(start) else np.zeros(0, np.int64)
        flow_pair = key[start] // n_p
        # per pair: k flows with each (n, m)
        top = int(n.max()) + 1 if len(n) else 1
        groups, k = np.unique((flow_pair * top + n) * top + m, return_counts=True)
        g_pair, g_n, g_m = groups // (top * top), (groups // top) % top, groups % top
        summary = pd.DataFrame({
            "exporter": labels[g_pair // n_c], "importer": labels[g_pair % n_c],
            "n": g_n.astype(np.int64), "m": g_m.astype(np.int64), "k": k.astype(np.int64),
        })
        # the one-sided flows: value, first and last year over their missing rows
        is_one = m >= min_years
        one = np.flatnonzero(is_one)
        # each sorted row's position among the one-sided flows (-1 for the other flows)
        pos = np.repeat(np.where(is_one, np.cumsum(is_one) - 1, -1), n)
        sel = missing & (pos >= 0)
        f_rows, f_pos = rows[sel], pos[sel]
        value = np.bincount(f_pos, self.vx[f_rows], minlength=len(one))
        year = cells["year"].to_numpy(dtype=np.int64)[self.cell[f_rows]]
        first = np.full(len(one), np.iinfo(np.int64).max)
        last = np.full(len(one), np.iinfo(np.int64).min)
        np.minimum.at(first, f_pos, year)
        np.maximum.at(last, f_pos, year)
        fp = flow_pair[one]
        one_sided = pd.DataFrame({
            "exporter": labels[fp // n_c], "importer": labels[fp % n_c],
            "product": self.products[key[start[one]] % n_p], "m": m[one], "value": value,
            "first_year": first, "last_year": last, "n": n[one],
        })
        return summary, one_sided

    def importer_publishes(
        self, cells: pd.DataFrame, flows: pd.DataFrame, sorted_flows: SortedFlows | None = None
    ) -> pd.DataFrame:
        """Per (importer, product) of ``flows`` whose importer publishes the product from anyone: how many
        imports of it (counted already in ``sorted_flows``, :meth:`sort_flows` of the same cells, if given)."""
        if not len(flows):
            return pd.DataFrame(columns=["importer", "product", "pub"])
        labels = np.asarray(cells["importer"].cat.categories, dtype=object)
        n_p = max(len(self.products), 1)
        want = flows[["importer", "product"]].drop_duplicates()
        w_imp = pd.Categorical(want["importer"], categories=labels).codes.astype(np.int64)
        w_prod = pd.Index(self.products).get_indexer(want["product"].astype(object))
        known = np.flatnonzero((w_imp >= 0) & (w_prod >= 0))
        pub = np.zeros(len(want), dtype=np.int64)
        if sorted_flows is not None and sorted_flows.imports is not None and sorted_flows.fits(cells):
            pub[known] = sorted_flows.imports[w_imp[known] * n_p + w_prod[known]]
            out = want.assign(pub=pub)
            return out[out["pub"] > 0].reset_index(drop=True)
        # each (importer, product) as a position in a dense table: the wanted ones numbered, the others -1
        slot = np.full(len(labels) * n_p, -1, dtype=np.int64)
        slot[w_imp[known] * n_p + w_prod[known]] = np.arange(len(known))
        has_m = ~np.isnan(self.vm)
        im = cells["importer"].cat.codes.to_numpy().astype(np.int64)
        pos = slot[im[self.cell[has_m]] * n_p + self.product[has_m]]
        pub[known] = np.bincount(pos[pos >= 0], minlength=len(known))
        out = want.assign(pub=pub.astype(np.int64))
        return out[out["pub"] > 0].reset_index(drop=True)
