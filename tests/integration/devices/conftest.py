"""Real ports without hardware: pty pairs, loop://, local TCP servers and socat links."""

import os
import queue
import time

import pytest


class Recorder:
    """Collects what a reader thread reports (its callbacks run on that thread)."""

    def __init__(self):
        self.items = queue.Queue()
        self.statuses = queue.Queue()

    def on_item(self, item):
        self.items.put(item)

    def on_status(self, device, message):
        self.statuses.put((time.monotonic(), device, message))

    def take(self, count, timeout=3.0):
        return [self.items.get(timeout=timeout) for _ in range(count)]

    def nothing_more(self, wait=0.3):
        time.sleep(wait)
        return self.items.empty()

    def wait_status(self, word, timeout=5.0):
        deadline = time.monotonic() + timeout
        while True:
            at, _device, message = self.statuses.get(timeout=max(0.01, deadline - time.monotonic()))
            if message.startswith(word):
                return at, message


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def stable_name(tmp_path):
    """A symlink standing in for /dev/serial/by-id/...: it points at whichever pty is 'plugged'."""
    link = tmp_path / "usb-Scanner_ABC123-if00"

    def point_to(path):
        if os.path.lexists(link):
            os.remove(link)
        if path is not None:
            os.symlink(path, link)
        return str(link)

    return point_to
