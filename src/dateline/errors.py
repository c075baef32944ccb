"""Errors that say what went wrong, with which input, and what to do about it."""
from __future__ import annotations


class DatelineError(Exception):
    """Base class for every error dateline raises on purpose."""


class CaptureError(DatelineError):
    """An input could not be read as a page: empty, binary, undecodable, or of an unsupported kind.

    ``source`` names the file or record; ``reason`` is a short machine-readable cause
    (``empty``, ``binary``, ``undecodable``, ``unsupported-kind``, ``too-large``, ``unreadable``).
    """

    def __init__(self, source: str, reason: str, detail: str) -> None:
        self.source = source
        self.reason = reason
        self.detail = detail
        super().__init__(f"{source}: {reason}: {detail}")


class ModelError(DatelineError):
    """The shipped labeller model is missing or unreadable."""
