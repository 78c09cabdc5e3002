"""Locks on folders, held by the kernel: released when their holder closes
them or dies, however it dies (SIGKILL included), so none is ever left held.
The folder itself is locked: no lock file is left behind."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path


def lock_folder(folder: Path, wait: bool = True) -> int | None:
    """An open descriptor of `folder` that holds its exclusive lock (close it
    to release), or None if another holds it and `wait` is False."""
    lock = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(lock)
        return None
    except BaseException:
        os.close(lock)
        raise
    return lock
