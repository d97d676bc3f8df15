"""A heartbeat that counts its beats, so a test waits on beats rather than on time."""

from __future__ import annotations

import threading

from govcap.jobs.progress import Heartbeat


class CountedHeartbeat(Heartbeat):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.beats = 0
        self._counted = threading.Condition()

    def beat(self) -> None:
        super().beat()
        with self._counted:
            self.beats += 1
            self._counted.notify_all()

    def wait_for_beats(self, n: int, timeout: float) -> bool:
        """True once the thread has beaten `n` times in all; False after `timeout` s."""
        with self._counted:
            return self._counted.wait_for(lambda: self.beats >= n, timeout)
