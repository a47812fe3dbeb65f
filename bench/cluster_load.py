#!/usr/bin/env python3
# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""JSON-RPC load through the nginx of `make cluster` (issue 19).

N clients (threads, each its own session cookie) for S seconds: 80 % reads
of the suite's list paths (``web_search_read`` of departments, of partners,
``search_count``), 20 % writes (each client renames a partner of its own),
then each client reads its own last write back (read-your-writes). Prints
one JSON line: throughput, p50/p95, errors by kind, the read-your-writes
misses, the Odoo "read-only → read/write" retries logged meanwhile and the
replica's lag at the end.

    python3 bench/cluster_load.py --url http://127.0.0.1:8470 \\
        --db order_handling_demo --clients 20 --seconds 30

The JSON-RPC client is rpc_client.py's (as measures 4 and 6); the cluster's
logs and ports are read from .local/cluster/ (``--cluster-dir``)."""

import argparse
import json
import pathlib
import statistics
import threading
import time

import requests
from rpc_client import TRANSPORT_ERRORS, LogMarks, RpcError, Session, psql_value


class Client(threading.Thread):
    def __init__(self, args, index, stop_at, stats, lock):
        super().__init__(daemon=True)
        self.args, self.index, self.stop_at = args, index, stop_at
        self.stats, self.lock = stats, lock
        self.session = Session(args.url, timeout=60)
        self.call = self.session.call

    def record(self, kind, seconds, error=None):
        with self.lock:
            if error:
                self.stats["errors"][error] = self.stats["errors"].get(error, 0) + 1
            else:
                self.stats["latencies"].append(seconds)
                self.stats["done"][kind] = self.stats["done"].get(kind, 0) + 1

    def run(self):
        self.session.authenticate(self.args.db, self.args.login, self.args.password)
        partner = self.call(
            "res.partner", "create", [{"name": f"cluster load {self.index}"}]
        )
        step = 0
        while time.monotonic() < self.stop_at:
            step += 1
            kind = "write" if step % 5 == 0 else "read"
            start = time.monotonic()
            try:
                if kind == "write":
                    name = f"cluster load {self.index} #{step}"
                    self.call("res.partner", "write", [[partner], {"name": name}])
                    # read-your-writes: the next read may go to the replica
                    got = self.call("res.partner", "read", [[partner], ["name"]])
                    if got[0]["name"] != name:
                        with self.lock:
                            self.stats["ryw_misses"] += 1
                elif step % 3 == 0:
                    self.call(
                        "order.handling.department",
                        "web_search_read",
                        [[]],
                        {"specification": {"name": {}, "code": {}, "manager_id": {}}},
                    )
                elif step % 3 == 1:
                    self.call(
                        "res.partner",
                        "web_search_read",
                        [[]],
                        {"specification": {"name": {}, "email": {}}, "limit": 80},
                    )
                else:
                    self.call("sale.order", "search_count", [[]])
                self.record(kind, time.monotonic() - start)
            except requests.HTTPError as exc:
                self.record(kind, 0, f"http {exc.response.status_code}")
            except TRANSPORT_ERRORS as exc:
                self.record(kind, 0, type(exc).__name__)
            except RpcError as exc:
                self.record(kind, 0, exc.name)


def replica_lag(args):
    return psql_value(
        args.primary_port,
        "SELECT coalesce(max(extract(epoch FROM replay_lag)), 0) || ' s, ' || "
        "coalesce(max(pg_wal_lsn_diff(sent_lsn, replay_lsn)), 0) || ' bytes' "
        "FROM pg_stat_replication",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8470")
    parser.add_argument("--db", default="order_handling_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--label", default="")
    parser.add_argument("--primary-port", type=int, default=5441)
    root = pathlib.Path(__file__).resolve().parent.parent
    parser.add_argument("--cluster-dir", default=str(root / ".local" / "cluster"))
    args = parser.parse_args()

    stats = {"latencies": [], "done": {}, "errors": {}, "ryw_misses": 0}
    lock = threading.Lock()
    marks = LogMarks(args.cluster_dir)
    stop_at = time.monotonic() + args.seconds
    clients = [Client(args, i, stop_at, stats, lock) for i in range(args.clients)]
    start = time.monotonic()
    for client in clients:
        client.start()
    for client in clients:
        client.join(args.seconds + 120)
    elapsed = time.monotonic() - start
    latencies = sorted(stats["latencies"])
    quantile = (
        statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    )
    print(
        json.dumps(
            {
                "label": args.label,
                "url": args.url,
                "clients": args.clients,
                "seconds": round(elapsed, 1),
                "requests": len(latencies),
                "throughput_rps": round(len(latencies) / elapsed, 1),
                "p50_ms": round(quantile[49] * 1000, 1),
                "p95_ms": round(quantile[94] * 1000, 1),
                "by_kind": stats["done"],
                "errors": stats["errors"],
                "read_your_writes_misses": stats["ryw_misses"],
                "readonly_retries": marks.count().get("readonly_retries", 0),
                "replica_lag_end": replica_lag(args),
            }
        )
    )


if __name__ == "__main__":
    main()
