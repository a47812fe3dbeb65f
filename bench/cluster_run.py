#!/usr/bin/env python3
# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# ruff: noqa: E501 (report strings)
"""Measure 6 of `make bench`: measure 4's clients on the cluster (issue 19).

Run by tools/bench.sh when ``BENCH_CLUSTER=1`` (it needs nginx and a second
PostgreSQL: `make cluster`), or by hand:

    python3 bench/cluster_run.py [--db order_handling_demo] [--seconds 20]

On the cluster's database (``--db``, the one `make cluster` serves; the
bench's users, customers and products are generated there once by
``run.gen_master_data`` and reused afterwards):

1. **two nodes**: `tools/cluster.sh start` (2 nodes x 2 workers, nginx,
   primary + streaming replica), measure 4's data (``run.prepare_concurrency``:
   slips to acknowledge, reviews to accept) and its 40 clients
   (``run.Client``) through nginx; each client also reloads its list after
   each action (``web_search_read``: a read-only route, served by the
   replica), as the web client does;
2. **one node** of the same total workers (node 1 with 4 workers, nginx on
   it alone), fresh data, same clients;
3. **failover** (two nodes again, fresh data): node 2 is stopped at
   ``--node-stop-at`` s, the replica at ``--replica-stop-at`` s (replication
   switched to asynchronous first, or every commit would wait for it); the
   clients keep their session cookies. Transport errors of the requests in
   flight on the stopped node are counted apart (their slip stays pending for
   the others: the verification accepts a slip whose only success was such a
   call if it is acknowledged exactly once).

For each run: calls/s, p50/p95, outcomes by kind, measure 4's exactly-once
verification (``run.verify_concurrency``), the serialization and read-only
retries and readonly-cursor fallbacks logged by the nodes meanwhile, the
replica's lag at the end. Writes ``cluster`` into bench/results.json (the
measures of other runs kept) and leaves the cluster running only with
``--keep``."""

import argparse
import collections
import datetime
import json
import os
import pathlib
import signal
import statistics
import subprocess
import sys
import threading
import time

import requests
from rpc_client import TRANSPORT_ERRORS, LogMarks, psql_value

ROOT = pathlib.Path(__file__).resolve().parent.parent
HERE = ROOT / "bench"
CL = ROOT / ".local" / "cluster"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", default=os.environ.get("OH_CLUSTER_DB", "order_handling_demo")
    )
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument(
        "--orders", type=int, default=300, help="orders per run (measure 4: 300)"
    )
    parser.add_argument("--failover-orders", type=int, default=500)
    parser.add_argument("--node-stop-at", type=float, default=6.0)
    parser.add_argument("--replica-stop-at", type=float, default=20.0)
    parser.add_argument(
        "--lb-port", type=int, default=int(os.environ.get("OH_CLUSTER_PORT", 8470))
    )
    parser.add_argument(
        "--primary-port",
        type=int,
        default=int(os.environ.get("OH_CLUSTER_PG_PORT", 5441)),
    )
    parser.add_argument("--out", default=str(HERE / "results.json"))
    parser.add_argument("--keep", action="store_true", help="leave the cluster running")
    return parser.parse_args()


CARGS = parse_args()
CLUSTER_ENV = dict(os.environ, OH_CLUSTER_DB=CARGS.db)


def say(msg):
    print(f"==> {msg}", flush=True)


def cluster(*args, **env):
    subprocess.run(
        ["bash", str(ROOT / "tools" / "cluster.sh"), *args],
        env=dict(CLUSTER_ENV, **env),
        check=True,
    )


def node_pid(n):
    try:
        pid = int((CL / f"node{n}.pid").read_text().strip())
        cmdline = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if f"node{n}.conf".encode() in cmdline else None


def node_stop(n, sig=signal.SIGTERM):
    """Stop node n (its master and workers), as tools/cluster.sh stop does."""
    pid = node_pid(n)
    if not pid:
        return
    os.kill(pid, sig)
    for _ in range(60):
        if not os.path.exists(f"/proc/{pid}"):
            break
        time.sleep(0.5)
    else:
        os.kill(pid, signal.SIGKILL)
    (CL / f"node{n}.pid").unlink(missing_ok=True)


def replica_stop():
    """pg_ctl stop of the replica (as the postgres user when root)."""
    bins = sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    cmd = [
        str(bins[-1]),
        "-D",
        str(CL / "pg-replica" / "data"),
        "-m",
        "fast",
        "-w",
        "stop",
    ]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    subprocess.run(cmd, check=True, cwd="/", stdout=subprocess.DEVNULL)


def bench_conf():
    """The nodes' configuration for this process: the primary, no log file,
    no replica (the generator and the checks read the primary)."""
    text = (CL / "node1.conf").read_text()
    keep = [
        line
        for line in text.splitlines()
        if line.split("=")[0].strip()
        not in ("logfile", "pidfile", "db_replica_host", "db_replica_port", "workers")
    ]
    path = CL / "bench.conf"
    path.write_text("\n".join(keep) + "\n")
    return path


def replica_lag():
    return psql_value(
        CARGS.primary_port,
        "SELECT count(*) || ' replica(s) streaming, replay lag ' || "
        "coalesce(max(extract(epoch FROM replay_lag)), 0) || ' s, ' || "
        "coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0) || ' bytes behind' "
        "FROM pg_stat_replication",
    )


def master_ids(run):
    """The bench's users, customers and products: generated once, then reused."""
    with run.Env() as env:
        Users = env["res.users"].with_context(active_test=False)
        manager = Users.search([("login", "=", "bench_manager_0")])
        if manager:

            def users(prefix):
                found = Users.search(
                    [("login", "=like", f"bench_{prefix}_%")], order="id"
                )
                return sorted(found.ids)

            company = manager.company_id
            return {
                "company": company.id,
                "manager": manager.id,
                "clerk": users("clerk")[0],
                "quality": users("quality"),
                "warehouse": users("warehouse"),
                "workshop": users("workshop"),
                "partners": env["res.partner"]
                .search([("name", "=like", "Bench Customer %")], order="id")
                .ids,
                "products": env["product.product"]
                .search([("default_code", "=like", "BP%")], order="id")
                .ids,
                "departments": {
                    d.code: d.id
                    for d in env["order.handling.department"].search(
                        [("company_id", "=", company.id)]
                    )
                },
            }
    say("generating the bench's users, customers and products (once per database)")
    ids = run.gen_master_data()
    ids.pop("archived_rules", None)
    return ids


def make_client_class(run):
    class ClusterClient(run.Client):
        """Measure 4's client through nginx; after each action it reloads its
        list (a read-only route, on the replica). Transport failures (a node
        stopped under a request) come back as errors named ``transport``."""

        def authenticate(self, login):
            for _attempt in range(3):
                try:
                    return super().authenticate(login)
                except Exception as exc:  # counted, then the thread gives up
                    error = exc
                    time.sleep(1)
            with self.lock:
                self.stats["kinds"][
                    f"UNEXPECTED: login failed: {type(error).__name__}"
                ] += 1
            raise error

        def call(self, model, method, args):
            record_id = args[0][0]
            started = time.monotonic()
            try:
                answer = super().call(model, method, args)
            except TRANSPORT_ERRORS as exc:
                with self.lock:
                    self.stats["transport"].append(
                        {
                            # when it failed (a request in flight when its node stopped)
                            "at": round(time.monotonic() - self.stats["t0"][0], 2),
                            "started": round(started - self.stats["t0"][0], 2),
                            "model": model,
                            "id": record_id,
                            "error": str(exc)[:80],
                        }
                    )
                return {
                    "error": {"data": {"name": "transport", "message": str(exc)[:120]}}
                }
            self.reload(model)
            return answer

        def reload(self, model):
            domain = [
                ("state", "=", "to_review" if model == "sale.order.review" else "sent")
            ]
            start = time.perf_counter()
            try:
                error = self.session.answer(
                    model,
                    "web_search_read",
                    [],
                    {
                        "domain": domain,
                        "specification": {"display_name": {}, "state": {}},
                        "limit": 10,
                    },
                ).get("error")
            except requests.HTTPError as exc:
                error = {"data": {"name": f"http {exc.response.status_code}"}}
            except TRANSPORT_ERRORS as exc:
                error = {"data": {"name": "transport", "message": str(exc)[:80]}}
            with self.lock:
                if error:
                    self.stats["read_errors"][
                        (error.get("data") or {}).get("name", "?")
                    ] += 1
                else:
                    self.stats["read_latencies"].append(time.perf_counter() - start)

    return ClusterClient


def quantiles(values):
    values = sorted(values)
    if not values:
        return None, None
    return round(statistics.median(values) * 1000, 1), round(
        values[max(0, int(len(values) * 0.95) - 1)] * 1000, 1
    )


def measure(run, ids, label, n_orders, seconds, events=()):
    """Measure 4's workload through nginx; ``events``: (at seconds, name, function)."""
    say(f"6. cluster, {label}: preparing {n_orders} orders (slips, reviews)")
    targets = run.prepare_concurrency(ids, n_orders)
    Client = make_client_class(run)
    url = f"http://127.0.0.1:{CARGS.lb_port}"
    marks = LogMarks(CL)
    stats = {
        "latencies": [],
        "successes": collections.Counter(),
        "kinds": collections.Counter(),
        "transport": [],
        "read_latencies": [],
        "read_errors": collections.Counter(),
        "t0": [0.0],
    }
    pools = {
        kind: {"pending": list(targets[kind])}
        for kind in ("quality", "warehouse", "reviews")
    }
    shared = threading.Lock()
    n = CARGS.clients
    plan = run.client_plan(ids, n)
    deadline = [0.0]

    def go():
        deadline[0] = time.monotonic() + seconds
        stats["t0"][0] = time.monotonic()

    barrier = threading.Barrier(len(plan) + 1, action=go)
    for pool in pools.values():
        pool["deadline"] = deadline
    # one lock for the pools and the stats they share (run_concurrency: one
    # lock a kind)
    clients = [
        Client(url, f"c{i}", uid, kind, pools[kind], shared, login, barrier, stats)
        for i, (kind, uid, login) in enumerate(plan)
    ]
    load_start = os.getloadavg()
    for client in clients:
        client.start()
    barrier.wait()
    start = time.perf_counter()
    done_events = []
    for at, name, func in events:
        delay = at - (time.perf_counter() - start)
        if delay > 0:
            time.sleep(delay)
        began = time.perf_counter() - start
        say(f"   {name} at {began:.1f} s")
        func()
        done_events.append(
            {
                "event": name,
                "at_s": round(began, 1),
                "done_at_s": round(time.perf_counter() - start, 1),
            }
        )
    for client in clients:
        client.join(seconds + 130)
    wall = time.perf_counter() - start
    load_end = os.getloadavg()
    # a call whose answer was lost (node stopped under it) may have committed:
    # its slip then counts that call as its one success (the stage log, checked
    # below, says whether it was applied once)
    uncertain = {(t["model"], t["id"]) for t in stats["transport"]}
    with run.Env() as env:
        for model, record_id in uncertain:
            if stats["successes"].get((model, record_id)):
                continue
            record = env[model].browse(record_id)
            if record.state in ("acknowledged", "accepted"):
                stats["successes"][(model, record_id)] += 1
    verify = run.verify_concurrency(targets, stats["successes"])
    kinds = dict(stats["kinds"])
    # transport failures while a node stops are its requests in flight
    windows = [
        (e["at_s"], e["done_at_s"] + 2.0)
        for e in done_events
        if e["event"].startswith("node")
    ]
    in_flight = [
        t for t in stats["transport"] if any(a <= t["at"] <= b for a, b in windows)
    ]
    transport = sum(
        v for k, v in kinds.items() if k.startswith("UNEXPECTED: transport")
    )
    kinds = {
        k: v for k, v in kinds.items() if not k.startswith("UNEXPECTED: transport")
    }
    if in_flight:
        kinds["expected: in flight on the stopped node"] = len(in_flight)
    if transport - len(in_flight):
        kinds["UNEXPECTED: transport outside a node stop"] = transport - len(in_flight)
    unexpected = sum(v for k, v in kinds.items() if k.startswith("UNEXPECTED"))
    p50, p95 = quantiles(stats["latencies"])
    r50, r95 = quantiles(stats["read_latencies"])
    logs = marks.count()
    result = {
        "label": label,
        "clients": n,
        "seconds": round(wall, 1),
        "calls": len(stats["latencies"]),
        "throughput_per_s": round(len(stats["latencies"]) / wall, 1),
        "p50_ms": p50,
        "p95_ms": p95,
        "list_reloads": len(stats["read_latencies"]),
        "requests_per_s": round(
            (len(stats["latencies"]) + len(stats["read_latencies"])) / wall, 1
        ),
        "reload_p50_ms": r50,
        "reload_p95_ms": r95,
        "outcomes": kinds,
        "reload_errors": dict(stats["read_errors"]),
        "transport_failures": stats["transport"][:50],
        "unexpected_errors": unexpected + verify["problems_count"],
        "verification": verify,
        "readonly_retries": logs.get("readonly_retries", 0),
        "readonly_fallbacks": logs.get("readonly_fallbacks", 0),
        "serialization_retries": logs.get("serialization_retries", 0),
        "errors_logged": logs.get("errors_logged", 0),
        "replica_lag_end": replica_lag(),
        "load_average_start_end": [round(load_start[0], 2), round(load_end[0], 2)],
        "events": done_events,
    }
    say(
        f"   {label}: {result['throughput_per_s']} calls/s, p50/p95 {p50}/{p95} ms, "
        f"{verify['slips_acknowledged']}/{verify['slips']} slips, {verify['reviews_accepted']}/{verify['reviews']} reviews, "
        f"unexpected {result['unexpected_errors']}, transport {transport}, ro retries {result['readonly_retries']}, "
        f"lag {result['replica_lag_end']}, outcomes {kinds}"
    )
    return result


def main():
    started = time.perf_counter()
    two = {}
    say(f"6. cluster: make cluster on {CARGS.db} (two nodes x 2 workers)")
    cluster("start")
    conf = bench_conf()
    sys.path.insert(0, str(HERE))
    sys.argv = [
        "run.py",
        "-c",
        str(conf),
        "-d",
        CARGS.db,
        "--scale",
        "small",
        "--out",
        CARGS.out,
    ]
    import run  # noqa: PLC0415 (its arguments and registry come from sys.argv)

    machine = run.machine()
    ids = master_ids(run)
    result = {"database": CARGS.db, "machine": machine}
    try:
        two = measure(run, ids, "two nodes x 2 workers", CARGS.orders, CARGS.seconds)
        say("6. cluster: one node x 4 workers behind nginx")
        node_stop(1)
        node_stop(2)
        cluster(
            "start",
            OH_CLUSTER_HTTP_PORTS="8471",
            OH_CLUSTER_GEVENT_PORTS="8481",
            OH_CLUSTER_WORKERS="4",
        )
        one = measure(run, ids, "one node x 4 workers", CARGS.orders, CARGS.seconds)
        say("6. cluster: failover (two nodes; node 2 then the replica stopped mid-run)")
        node_stop(1)
        cluster("start")

        def stop_replica():
            cluster("async")
            replica_stop()

        failover = measure(
            run,
            ids,
            "failover",
            CARGS.failover_orders,
            max(CARGS.seconds, int(CARGS.replica_stop_at) + 15),
            events=[
                (CARGS.node_stop_at, "node 2 stopped", lambda: node_stop(2)),
                (CARGS.replica_stop_at, "replica stopped", stop_replica),
            ],
        )
        # back to the full topology: the replica catches up, its lag at the end
        cluster("start")
        time.sleep(2)
        failover["replica_lag_after_restart"] = replica_lag()
        # sessions survive: a client's cookie keeps working after its node stopped
        failover["sessions_expired"] = sum(
            v for k, v in failover["outcomes"].items() if "SessionExpired" in k
        )
        result.update(
            two_nodes=two,
            one_node=one,
            failover=failover,
            throughput_ratio=round(two["throughput_per_s"] / one["throughput_per_s"], 2)
            if one["throughput_per_s"]
            else None,
            requests_ratio=round(two["requests_per_s"] / one["requests_per_s"], 2)
            if one["requests_per_s"]
            else None,
            target_ratio=0.9,
            unexpected_errors=two["unexpected_errors"]
            + one["unexpected_errors"]
            + failover["unexpected_errors"],
            taken_at=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            total_seconds=round(time.perf_counter() - started, 1),
        )
    finally:
        if not CARGS.keep:
            cluster("stop")
    previous = {}
    if os.path.exists(CARGS.out):
        with open(CARGS.out, encoding="utf-8") as handle:
            previous = json.load(handle)
    previous["cluster"] = result
    with open(CARGS.out, "w", encoding="utf-8") as handle:
        json.dump(previous, handle, indent=2, default=str)
    lines = [
        f"6. cluster ({result['taken_at']}): two nodes / one node calls/s "
        f"{two['throughput_per_s']} / {one['throughput_per_s']} = {result['throughput_ratio']}x (target >= 0.9x)",
        f"   p50/p95 ms two {two['p50_ms']}/{two['p95_ms']}, one {one['p50_ms']}/{one['p95_ms']}, failover {failover['p50_ms']}/{failover['p95_ms']}",
        f"   failover: transport failures {len(failover['transport_failures'])}, outcomes {failover['outcomes']}",
        f"   unexpected errors (incl. DB checks) {result['unexpected_errors']} (target 0)",
    ]
    print("\n".join(lines), flush=True)
    say(f"cluster results in {CARGS.out} ({result['total_seconds']} s)")
    return 1 if result["unexpected_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
