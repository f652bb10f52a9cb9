"""``python serve_slow.py DB PORT WORKERS QUEUE TIMEOUT``: the dashboard with the slow jobs of
:mod:`slowjobs`, served by :func:`mirrortrade.report.web.app.run_server` (what ``mirrortrade serve`` runs)."""

from __future__ import annotations

import sys

from mirrortrade.report.web.app import create_app, run_server

if __name__ == "__main__":
    db, port, workers, queue, timeout = sys.argv[1:6]
    run_server(create_app(db, workers=int(workers), queue=int(queue), timeout=float(timeout), jobs_module="slowjobs"),
               "127.0.0.1", int(port))
