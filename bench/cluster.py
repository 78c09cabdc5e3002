"""A Dask cluster of local processes, as a user starts one by hand: a `dask
scheduler` and `dask worker`s on 127.0.0.1. Used by the cluster tests and the
scale benchmark; every process started here is stopped on the way out."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

DASK = Path(sys.executable).parent / "dask"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def dask_cluster(logs: Path, workers: int = 2) -> Iterator[tuple[str, list[subprocess.Popen]]]:
    """A scheduler and `workers` single-threaded workers without nannies (so a
    killed worker stays dead); yields the address and the worker processes."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_LOGGING__DISTRIBUTED": "warning"}
    started: list[subprocess.Popen] = []
    logs.mkdir(parents=True, exist_ok=True)

    def start(name: str, *args: str) -> subprocess.Popen:
        with open(logs / f"{name}.log", "w") as log:
            started.append(subprocess.Popen([str(DASK), *args], stdout=log, stderr=subprocess.STDOUT, env=env))
        return started[-1]

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
        procs = [start(f"worker{n}", "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                       "--no-dashboard", "--no-nanny", "--name", f"w{n}") for n in range(workers)]
        with Client(address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=60)
        yield address, procs
    finally:
        for process in reversed(started):
            _stop(process)
