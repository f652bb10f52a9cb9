"""Where the user's store and cache live."""

from __future__ import annotations

import os
from pathlib import Path


def user_path(env: str, kind: str, name: str) -> Path:
    """``$env`` if set, else ``name`` in the user's ``kind`` ("data" or "cache") dir for mirrortrade."""
    value = os.environ.get(env)
    if value:
        return Path(value).expanduser()
    import platformdirs

    base = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    return Path(base("mirrortrade", appauthor=False)) / name

