# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The JSON-RPC client of the bench scripts: what the web client sends.

One ``Session`` per simulated user: its own cookie (the Odoo session) and
kept-alive connections, ``/web/session/authenticate`` to log in and
``/web/dataset/call_kw/<model>/<method>`` for each call. Used by run.py
(measure 4's clients), cluster_run.py (measure 6, the same clients through
nginx) and cluster_load.py (the read/write mix on a running cluster), so the
three send the same requests. Also the two small helpers of the cluster
scripts: ``psql_value`` (a query on the cluster's PostgreSQL) and
``LogMarks`` (lines the nodes logged meanwhile)."""

import collections
import pathlib
import subprocess

import requests

READONLY_RETRY = "retrying with a read/write cursor"
READONLY_FALLBACK = "falling back to read-write cursor"


class RpcError(RuntimeError):
    """An answer of Odoo that carries an ``error``: ``name`` is the class of
    the server's exception (``odoo.exceptions.UserError``…)."""

    def __init__(self, error):
        self.error = error or {}
        data = self.error.get("data") or {}
        self.name = data.get("name") or "odoo error"
        self.message = data.get("message") or self.error.get("message", "")
        super().__init__(self.name)


# what a request may raise besides RpcError: no connection, a status other
# than 200 (nginx's 502: requests.HTTPError), a body that is not JSON
TRANSPORT_ERRORS = (requests.RequestException, ValueError)


def result(answer):
    """The ``result`` of a JSON-RPC answer; its ``error`` raises ``RpcError``."""
    if answer.get("error"):
        raise RpcError(answer["error"])
    return answer.get("result")


class Session:
    """One user's JSON-RPC session on ``url`` (e.g. ``http://127.0.0.1:8069``).

    Transport failures raise one of ``TRANSPORT_ERRORS``."""

    def __init__(self, url, timeout=120):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()

    def post(self, path, params):
        """The raw answer (``result`` or ``error``) to one request."""
        response = self.http.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=self.timeout,
        )
        response.raise_for_status()
        return response.json()

    def answer(self, model, method, args, kwargs=None):
        """The raw answer of ``model.method(*args, **kwargs)``, as the web
        client sends it: an ``error`` comes back in it, not raised."""
        return self.post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def call(self, model, method, args, kwargs=None):
        """The result of ``model.method(*args, **kwargs)``; an error raises
        ``RpcError``."""
        return result(self.answer(model, method, args, kwargs))

    def authenticate(self, db, login, password):
        """Log in: the session cookie is kept for the next calls; a refused
        login raises ``RpcError``."""
        info = result(
            self.post(
                "/web/session/authenticate",
                {"db": db, "login": login, "password": password},
            )
        )
        if not (info or {}).get("uid"):
            raise RpcError(
                {"data": {"name": "login failed", "message": f"login of {login}"}}
            )
        return info


def psql_value(port, query, host="127.0.0.1", user="odoo", database="postgres"):
    """The text ``query`` returns on the PostgreSQL at ``port`` (psql), or
    ``unknown (why)``."""
    try:
        return subprocess.run(
            [
                "psql",
                "-XtAq",
                "-h",
                host,
                "-p",
                str(port),
                "-U",
                user,
                "-d",
                database,
                "-c",
                query,
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (subprocess.SubprocessError, OSError) as exc:
        return f"unknown ({exc})"


class LogMarks:
    """Counts the lines the nodes (``node*.log`` of ``cluster_dir``) logged
    since it was made: read-only retries and fallbacks, serialization
    retries, errors."""

    def __init__(self, cluster_dir):
        self.cluster_dir = pathlib.Path(cluster_dir)
        self.offsets = {p: p.stat().st_size for p in self.cluster_dir.glob("node*.log")}

    def count(self):
        counts = collections.Counter()
        for path in self.cluster_dir.glob("node*.log"):
            with open(path, encoding="utf-8", errors="replace") as log:
                log.seek(self.offsets.get(path, 0))
                for line in log:
                    if READONLY_RETRY in line:
                        counts["readonly_retries"] += 1
                    elif READONLY_FALLBACK in line:
                        counts["readonly_fallbacks"] += 1
                    elif "SERIALIZATION_FAILURE" in line and "tries left" in line:
                        # "SERIALIZATION_FAILURE, 4 tries left, try again in 1.5 sec"
                        counts["serialization_retries"] += 1
                    elif (
                        " ERROR " in line or " CRITICAL " in line
                    ) and "bad query" not in line:
                        counts["errors_logged"] += 1
        return dict(counts)
