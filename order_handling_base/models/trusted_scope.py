# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one way server code opens a guarded write: a trusted scope.

A JSON-RPC client controls the whole context of its call, so no guard of the
suite may open on a context key. Server code that has checked the caller's
role and the record's state runs the protected write inside
``trusted_scope(model_name, …)``; the guards ask ``is_trusted(model_name)``.

The scope lives in a :class:`contextvars.ContextVar`: it belongs to the
running call only (each request thread or greenlet has its own context) and is
reset when the ``with`` block ends, also on an exception, so nothing of it
survives the request or reaches another worker.
"""

import contextlib
import contextvars

_TRUSTED = contextvars.ContextVar("order_handling_trusted_models", default=frozenset())


@contextlib.contextmanager
def trusted_scope(*model_names):
    """Within the block, guarded writes of ``model_names`` are the server's."""
    token = _TRUSTED.set(_TRUSTED.get() | frozenset(model_names))
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def is_trusted(model_name):
    """Does the running call write ``model_name`` from a trusted scope?"""
    return model_name in _TRUSTED.get()
