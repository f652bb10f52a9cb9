"""Small helpers shared by the reliability tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from mirrortrade.sources.http import sha256_file

ROOT = Path(__file__).resolve().parents[2]
BAD_INPUTS = ROOT / "tests" / "bad_inputs"


def sha256(path: Path) -> str:
    """Checksum of a store file (close its connections first)."""
    return sha256_file(path)


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def run_cli(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command line: ``python -m mirrortrade.cli ARGS`` in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "mirrortrade.cli", *args], capture_output=True, text=True, timeout=timeout,
        env=subprocess_env(**env),
    )


def listeners(port: int) -> list[str]:
    """Local addresses (hex, as /proc/net/tcp{,6} print them; 0100007F is 127.0.0.1) listening on ``port``."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            addr, hexport = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and int(hexport, 16) == port:  # 0A = LISTEN
                out.append(addr)
    return out
