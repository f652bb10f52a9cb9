"""The digest's HTML wraps each run of table rows in a table and each run of list items in a list, closing one
run before the next opens (a list right before a table used to give '<table></ul>')."""

from __future__ import annotations

from mirrortrade.report.digest import _wrap_runs


def test_runs_close_before_the_next_opens() -> None:
    body = ["<h2>Kyrgyzstan</h2>", "<li>a</li>", "<li>b</li>", "<tr><td>x</td></tr>", "<tr><td>y</td></tr>",
            "<p>after</p>", "<li>c</li>"]
    assert _wrap_runs(body) == ["<h2>Kyrgyzstan</h2>", "<ul>", "<li>a</li>", "<li>b</li>", "</ul>", "<table>",
                                "<tr><td>x</td></tr>", "<tr><td>y</td></tr>", "</table>", "<p>after</p>", "<ul>",
                                "<li>c</li>", "</ul>"]
    assert _wrap_runs([]) == []
