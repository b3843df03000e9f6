"""A progress bar for long runs: rich, on stderr, only on a terminal, and only once a run has taken a second.

A quick run shows nothing, so a summary of a handful of plans prints just its
result; a bar that appears is removed when the run ends (transient).
"""

from __future__ import annotations

import time
from typing import Callable, TextIO

DELAY = 1.0  # seconds before the bar appears


def wanted(err: TextIO, out: TextIO, output_file: bool) -> bool:
    """A bar only where someone watches: stderr is a terminal, and the result is not piped on through stdout."""
    return _isatty(err) and (output_file or _isatty(out))


class DelayedProgress:
    def __init__(self, total: int, stream: TextIO, *, enabled: bool, description: str = "Summarising plans",
                 clock: Callable[[], float] = time.monotonic, console=None):
        self.total, self.stream, self.enabled, self.description = total, stream, enabled, description
        self.clock, self.start, self.done = clock, clock(), 0
        self.console = console  # a rich Console for tests; made on stderr when None
        self.bar = None
        self.task = None

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.bar is None:
            if self.clock() - self.start < DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = self.console or Console(file=self.stream)
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.description, total=self.total)
        self.bar.update(self.task, completed=self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    @property
    def shown(self) -> bool:
        return self.bar is not None


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
