"""atomic_write: a file appears whole or not at all (also to a reader, or after a crash).

Its own module, free of pandas and pyarrow, so that a batch re-run with
nothing to do starts fast.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

UMASK = os.umask(0o022)
os.umask(UMASK)


def atomic_write(target: Path, write) -> Path:
    """Call write(tmp_path), then move tmp_path over target in one step."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~UMASK)  # mkstemp makes 0600; output is as readable as any other file
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
