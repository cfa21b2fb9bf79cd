"""Which signals a write sends, in order: every Wagtail signal, and the saves of the model.

Receivers see the signal's sender and the instance it is about, so a write that
publishes through a different code path (``published`` instead of ``page_published``,
a second ``post_save``, a missing ``workflow_submitted``) shows up as a different list.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import Any

import wagtail.signals
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

#: Every signal Wagtail defines (``page_published``, ``published``, ``workflow_submitted``...).
WAGTAIL_SIGNALS: dict[str, Signal] = {
    name: value for name, value in vars(wagtail.signals).items() if isinstance(value, Signal)
}


def _name(value: Any) -> str:
    return value.__name__ if isinstance(value, type) else type(value).__name__


def _receiver(name: str, sent: list[str]) -> Callable[..., None]:
    def receive(sender: Any, **kwargs: Any) -> None:
        detail = [_name(sender)]
        if "created" in kwargs:  # post_save: a new row or an update
            detail.append("created" if kwargs["created"] else "updated")
        sent.append(f"{name}({', '.join(detail)})")

    return receive


@contextmanager
def recorded_signals(models: Collection[type[Model]]) -> Iterator[list[str]]:
    """Record, as ``"name(Sender[, created|updated])"``, each Wagtail signal sent and each
    ``post_save`` / ``post_delete`` of ``models``, in the order they are sent."""
    sent: list[str] = []
    connected: list[tuple[Signal, Callable[..., None], Any]] = []
    for name, signal in WAGTAIL_SIGNALS.items():
        connected.append((signal, _receiver(name, sent), None))
    for model in models:
        connected.append((post_save, _receiver("post_save", sent), model))
        connected.append((post_delete, _receiver("post_delete", sent), model))
    for signal, receiver, sender in connected:
        signal.connect(receiver, sender=sender, weak=False)
    try:
        yield sent
    finally:
        for signal, receiver, sender in connected:
            signal.disconnect(receiver, sender=sender)
