#!/usr/bin/env python3
# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# ruff: noqa: E501, B023 (report strings; step lambdas run at once, inside their loop)
"""`make bench`: generator and measures of the Order Handling Suite.

Run by tools/bench.sh on a fresh database with every suite addon installed
without demo data:

    python3 bench/run.py -c .local/odoo.conf -d order_handling_bench --scale small

Measures (see bench/README.md): 1. overhead of the intake path vs plain
``action_confirm``; 2. line scaling of the intake check; 3. reporting at
scale (list views' default searches, KPI read_groups, EXPLAIN); 4. concurrency
over JSON-RPC against an Odoo started here with --workers=4; 5. peak RSS of
its workers. Prints a table and writes bench/results.json.
"""

import argparse
import collections
import datetime
import json
import os
import platform
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

SCALES = {
    # reporting orders, overhead orders, concurrency seconds, clients
    "small": {"orders": 2000, "overhead": 50, "seconds": 20, "clients": 40},
    "full": {"orders": 20000, "overhead": 200, "seconds": 60, "clients": 40},
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--scale", default="full")
    parser.add_argument("--port", type=int, default=8369)
    parser.add_argument("--out", default=os.path.join(HERE, "results.json"))
    parser.add_argument(
        "--skip", default="", help="comma list of measures to skip (1-4)"
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma list of the measures to run (1-4); the others are skipped",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the measures of --out that this run does not take "
        "(each measure records when and at which scale it was taken)",
    )
    args = parser.parse_args()
    if args.only:
        args.skip = ",".join(sorted({"1", "2", "3", "4"} - set(args.only.split(","))))
    if args.scale in SCALES:
        args.sizes = dict(SCALES[args.scale])
    elif args.scale.isdigit():
        orders = int(args.scale)
        args.sizes = {
            "orders": orders,
            "overhead": max(10, min(200, orders // 10)),
            "seconds": 60 if orders >= 10000 else 20,
            "clients": 40,
        }
    else:
        parser.error("--scale: small, full or a number of reporting orders")
    return args


ARGS = parse_args()

import odoo  # noqa: E402
from odoo import SUPERUSER_ID, api, fields  # noqa: E402
from odoo.tools import config  # noqa: E402

config.parse_config(
    ["-c", ARGS.config, "-d", ARGS.database, "--log-level=warn", "--no-http"]
)
REGISTRY = odoo.modules.registry.Registry(ARGS.database)
FAST = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
PASSWORD = "bench-Pa55word"
RESULTS = {"scale": ARGS.scale, "sizes": ARGS.sizes, "measures": {}}


def say(msg):
    print(f"==> {msg}", flush=True)


class Env:
    """A fresh cursor and environment per step, like one HTTP request."""

    def __init__(self, uid=SUPERUSER_ID, context=None):
        self.uid, self.context = uid, context or {}

    def __enter__(self):
        self.cr = REGISTRY.cursor()
        self.env = api.Environment(self.cr, self.uid, self.context)
        return self.env

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self.env.flush_all()
                self.cr.commit()
            else:
                self.cr.rollback()
        finally:
            self.cr.close()


def timed(uid, func, context=None):
    """Run ``func(env)`` in its own transaction: (seconds, queries, result)."""
    start = time.perf_counter()
    with Env(uid, context) as env:
        before = env.cr.sql_log_count
        result = func(env)
        env.flush_all()
        queries = env.cr.sql_log_count - before
    return time.perf_counter() - start, queries, result


# ----------------------------------------------------------------------
# Generator
# ----------------------------------------------------------------------
def gen_master_data(n_products=250, n_customers=200):
    """Users, departments, rules, customers, storable products with complete
    technical documents, stock and a past customer delivery."""
    ids = {}
    with Env(context=dict(FAST, no_reset_password=True)) as env:
        company = env.company
        company.intake_required = True
        ref = env.ref
        base = [ref("base.group_user").id]
        sales = [ref("sales_team.group_sale_salesman_all_leads").id]
        stock = [ref("stock.group_stock_user").id]

        def users(prefix, count, groups):
            return env["res.users"].create(
                [
                    {
                        "name": f"Bench {prefix} {i}",
                        "login": f"bench_{prefix}_{i}",
                        # staff have an address, as in a company that mails
                        # its customers (the salesperson signs the status
                        # mails)
                        "email": f"bench_{prefix}_{i}@bench.example",
                        "password": PASSWORD,
                        "groups_id": [fields.Command.set(base + groups)],
                    }
                    for i in range(count)
                ]
            )

        grp = "order_handling_base.group_"
        manager = users(
            "manager",
            1,
            [ref(grp + "manager").id, ref("sales_team.group_sale_manager").id] + stock,
        )
        clerk = users("clerk", 1, [ref(grp + "logistics_clerk").id] + sales + stock)
        quality = users("quality", 10, [ref(grp + "quality").id])
        warehouse = users("warehouse", 10, [ref(grp + "warehouse_lead").id] + stock)
        workshop = users("workshop", 5, [ref(grp + "workshop_supervisor").id])
        Department = env["order.handling.department"]
        departments = Department.search([("company_id", "=", company.id)])
        members = {"quality": quality, "warehouse": warehouse, "production": workshop}
        for department in departments:
            team = members.get(department.code)
            department.write(
                {
                    "manager_id": (team[:1] if team else manager).id,
                    "member_ids": [fields.Command.set(team.ids if team else [])],
                }
            )
        # checks needing data the generator does not make: the sales-head
        # sign-off and a shipping method (orders get a delivery date instead)
        rules = env["sale.order.intake.rule"].search(
            [("check_type", "in", ("signoff", "shipping_method"))]
        )
        rules.active = False
        ids["archived_rules"] = rules.mapped("name")
        partners = env["res.partner"].create(
            [
                {"name": f"Bench Customer {i:04d}", "email": f"c{i}@bench.example"}
                for i in range(n_customers)
            ]
        )
        products = env["product.product"].create(
            [
                {
                    "name": f"Bench Product {i:04d}",
                    "default_code": f"BP{i:04d}",
                    "type": "consu",
                    "is_storable": True,
                    "list_price": 10.0 + i % 50,
                    "sale_ok": True,
                    "taxes_id": [fields.Command.clear()],
                }
                for i in range(n_products)
            ]
        )
        products.product_tmpl_id._complete_tech_documents()
        warehouse_rec = env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        stock_loc = warehouse_rec.lot_stock_id
        for product in products:
            env["stock.quant"]._update_available_quantity(product, stock_loc, 1_000_000)
        customer_loc = env.ref("stock.stock_location_customers")
        moves = env["stock.move"].create(
            [
                {
                    "name": "bench past delivery",
                    "product_id": p.id,
                    "product_uom_qty": 1,
                    "product_uom": p.uom_id.id,
                    "location_id": stock_loc.id,
                    "location_dest_id": customer_loc.id,
                }
                for p in products
            ]
        )
        moves._action_confirm()
        moves._action_assign()
        for move in moves:
            move.quantity = 1
        moves.picked = True
        moves._action_done()
        ids.update(
            company=company.id,
            manager=manager.id,
            clerk=clerk.id,
            quality=quality.ids,
            warehouse=warehouse.ids,
            workshop=workshop.ids,
            partners=partners.ids,
            products=products.ids,
            departments={d.code: d.id for d in departments},
        )
    return ids


def order_vals(ids, n_lines, index, product_offset=0, **extra):
    products = ids["products"]
    commitment = fields.Datetime.now() + datetime.timedelta(days=30)
    vals = {
        "partner_id": ids["partners"][index % len(ids["partners"])],
        "user_id": ids["manager"],
        "commitment_date": commitment,
        "order_line": [
            fields.Command.create(
                {
                    "product_id": products[
                        (product_offset + index + k) % len(products)
                    ],
                    "product_uom_qty": 1 + k % 5,
                }
            )
            for k in range(n_lines)
        ],
    }
    vals.update(extra)
    return vals


def create_orders(env, vals_list, batch=500):
    Order = env["sale.order"].with_context(**FAST)
    ids = []
    for start in range(0, len(vals_list), batch):
        ids += Order.create(vals_list[start : start + batch]).ids
        env.flush_all()
    return ids


# ----------------------------------------------------------------------
# 1. Overhead
# ----------------------------------------------------------------------
def intake_steps(ids):
    manager = ids["manager"]
    clerk = ids["clerk"]
    date = fields.Datetime.now() + datetime.timedelta(days=20)

    def review(env, order_id):
        order = env["sale.order"].browse(order_id)
        review = order.current_review_id
        if not review:
            return
        review.sudo().write({k: "ok" for k in REVIEW_ASPECTS})
        review._decide("accept")

    return [
        (
            "submit",
            manager,
            lambda env, o: env["sale.order"].browse(o).action_intake_submit(),
        ),
        (
            "check",
            clerk,
            lambda env, o: env["sale.order"].browse(o).action_intake_check(),
        ),
        (
            "accept",
            clerk,
            lambda env, o: env["sale.order"].browse(o).action_intake_accept(),
        ),
        ("review", manager, review),
        (
            "propose_date",
            manager,
            lambda env, o: env["sale.order"].browse(o).action_intake_propose_date(date),
        ),
        (
            "reply_date",
            clerk,
            lambda env, o: env["sale.order"].browse(o).action_intake_reply_date(),
        ),
        ("confirm", clerk, lambda env, o: env["sale.order"].browse(o).action_confirm()),
    ]


REVIEW_ASPECTS = ("capacity", "material", "technology", "delivery")


def floor_steps(ids, count=6):
    """The Odoo floor of a six-step path: ``count`` hand-offs made of plain
    Odoo calls only, each in its own transaction as the path's steps are: a
    tracked field of the order changes (one chatter tracking message) and
    the hand-off's activity is scheduled for the next person (as the suite
    does: due today, no "assigned to you" mail) or the previous one is
    marked done (Odoo's "done" message). What every workflow step of Odoo
    costs before any logic of its own: the transaction, the tracking, the
    activity and the bus notification of the assignee's activity counter."""
    users = (ids["manager"], ids["clerk"])

    def step(index):
        def run(env, order_id):
            order = env["sale.order"].browse(order_id)
            order.write({"locked": not order.locked})
            if index % 2 == 0:
                order.with_context(mail_activity_quick_update=True).activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=users[(index + 1) % 2],
                    date_deadline=fields.Date.context_today(order),
                )
            else:
                order.activity_ids.action_feedback()

        return run

    return [(f"floor_{index}", users[index % 2], step(index)) for index in range(count)]


def set_intake_required(value):
    with Env() as env:
        env.company.intake_required = value


def run_overhead(ids, n, lines=10):
    say(
        f"1. overhead: {n} orders of {lines} lines, intake path vs plain action_confirm"
    )
    with Env() as env:
        path_ids = create_orders(env, [order_vals(ids, lines, i) for i in range(n)])
        plain_ids = create_orders(env, [order_vals(ids, lines, i) for i in range(n)])
        floor_ids = create_orders(env, [order_vals(ids, lines, i) for i in range(n)])
    steps = intake_steps(ids)
    per_step = {name: [0.0, 0] for name, _u, _f in steps}
    plain = [0.0, 0]
    floor = [0.0, 0]
    load_start = os.getloadavg()[0]
    # path and plain orders alternate, so that a change of the machine's
    # load during the run weighs on both sides alike
    for order_id, plain_id, floor_id in zip(
        path_ids, plain_ids, floor_ids, strict=True
    ):
        for name, uid, func in steps:
            secs, queries, _r = timed(uid, lambda env, f=func: f(env, order_id))
            per_step[name][0] += secs
            per_step[name][1] += queries
        for _name, uid, func in floor_steps(ids):
            secs, queries, _r = timed(uid, lambda env, f=func: f(env, floor_id))
            floor[0] += secs
            floor[1] += queries
        set_intake_required(False)
        try:
            secs, queries, _r = timed(
                ids["clerk"],
                lambda env, o=plain_id: env["sale.order"].browse(o).action_confirm(),
            )
        finally:
            set_intake_required(True)
        plain[0] += secs
        plain[1] += queries
    load_end = os.getloadavg()[0]
    background = run_scheduled_notifications(path_ids)
    with Env() as env:
        stages = collections.Counter(
            env["sale.order"]
            .browse(path_ids)
            .mapped(lambda o: (o.intake_stage, o.state))
        )
    path_time = sum(v[0] for v in per_step.values())
    path_queries = sum(v[1] for v in per_step.values())
    result = {
        "orders": n,
        "lines": lines,
        "final_states": {f"{k[0]}/{k[1]}": v for k, v in stages.items()},
        "path_seconds": round(path_time, 2),
        "path_queries": path_queries,
        "plain_seconds": round(plain[0], 2),
        "plain_queries": plain[1],
        "time_ratio": round(path_time / plain[0], 2),
        "query_ratio": round(path_queries / plain[1], 2),
        "per_order_ms": {
            name: round(v[0] / n * 1000, 1) for name, v in per_step.items()
        }
        | {"plain_confirm": round(plain[0] / n * 1000, 1)},
        "per_order_queries": {name: round(v[1] / n, 1) for name, v in per_step.items()}
        | {"plain_confirm": round(plain[1] / n, 1)},
        "target": 2.0,
        "load_average": {"start": round(load_start, 2), "end": round(load_end, 2)},
        "interleaved": True,
        # what the path left to the scheduled-message cron (notifications of
        # the transfer message and of the customer mails: inbox, e-mails
        # rendered and queued), run afterwards as the cron does, in one batch
        "background": background,
        "time_ratio_with_background": round(
            (path_time + background["seconds"]) / plain[0], 2
        ),
        "query_ratio_with_background": round(
            (path_queries + background["queries"]) / plain[1], 2
        ),
        # six plain Odoo hand-offs per order (``floor_steps``): what the six
        # steps before the confirmation cost in Odoo with no logic of their
        # own, in the same run
        "floor": {
            "steps": 6,
            "per_order_ms": round(floor[0] / n * 1000, 1),
            "per_order_queries": round(floor[1] / n, 1),
            "time_ratio": round((floor[0] + plain[0]) / plain[0], 2),
            "query_ratio": round((floor[1] + plain[1]) / plain[1], 2),
        },
    }
    result["top_tables"] = profile_tables(ids, lines)
    RESULTS["measures"]["overhead"] = result
    return result


def run_scheduled_notifications(order_ids):
    """Run the scheduled notifications of the orders' messages as the
    *Mail: Send scheduled message* cron does (e-mails queued, not sent: the
    bench has no mail server). Returns the totals and the per-order cost."""
    from odoo.addons.order_handling_base.models.mail_queue import with_mail_queue

    def send(env):
        # the customers' mails are on the orders; the departments are told
        # on their slips (they read no order)
        slip_ids = (
            env["order.handling.transfer"]
            .sudo()
            .search([("res_model", "=", "sale.order"), ("res_id", "in", order_ids)])
            .ids
        )
        schedules = (
            env["mail.message.schedule"]
            .sudo()
            .search(
                [
                    "|",
                    "&",
                    ("mail_message_id.model", "=", "sale.order"),
                    ("mail_message_id.res_id", "in", order_ids),
                    "&",
                    ("mail_message_id.model", "=", "order.handling.transfer"),
                    ("mail_message_id.res_id", "in", slip_ids),
                ]
            )
        )
        count = len(schedules)
        with_mail_queue(schedules)._send_notifications()
        return count

    seconds, queries, count = timed(SUPERUSER_ID, send)
    n = len(order_ids) or 1
    return {
        "messages": count,
        "seconds": round(seconds, 2),
        "queries": queries,
        "per_order_ms": round(seconds / n * 1000, 1),
        "per_order_queries": round(queries / n, 1),
    }


TABLE_RE = re.compile(
    r'\b(?:FROM|JOIN|INTO|UPDATE)\s+"?([a-z_][a-z0-9_]*)"?', re.IGNORECASE
)


def profile_tables(ids, lines, n=10):
    """Queries of the intake path and of plain confirm, grouped by the first
    table they name, on ``n`` extra orders each."""
    from odoo import sql_db

    counts = {"path": collections.Counter(), "plain": collections.Counter()}
    current = {"key": None}
    original = sql_db.Cursor.execute

    def execute(self, query, params=None, log_exceptions=True):
        if current["key"]:
            text = query.code if hasattr(query, "code") else str(query)
            match = TABLE_RE.search(text)
            verb = text.split(None, 1)[0].upper() if text.strip() else "?"
            table = match.group(1) if match else "-"
            counts[current["key"]][f"{verb} {table}"] += 1
        return original(self, query, params, log_exceptions)

    with Env() as env:
        path_ids = create_orders(env, [order_vals(ids, lines, i) for i in range(n)])
        plain_ids = create_orders(env, [order_vals(ids, lines, i) for i in range(n)])
    sql_db.Cursor.execute = execute
    try:
        current["key"] = "path"
        for order_id in path_ids:
            for _name, uid, func in intake_steps(ids):
                timed(uid, lambda env, f=func: f(env, order_id))
        current["key"] = None
        set_intake_required(False)
        current["key"] = "plain"
        for order_id in plain_ids:
            timed(
                ids["clerk"],
                lambda env: env["sale.order"].browse(order_id).action_confirm(),
            )
        current["key"] = None
    finally:
        sql_db.Cursor.execute = original
        set_intake_required(True)
    extra = counts["path"] - counts["plain"]
    return {
        "orders": n,
        "path_top": [[k, round(v / n, 1)] for k, v in counts["path"].most_common(15)],
        "extra_over_plain_top": [
            [k, round(v / n, 1)] for k, v in extra.most_common(15)
        ],
    }


# ----------------------------------------------------------------------
# 2. Line scaling
# ----------------------------------------------------------------------
def run_scaling(ids, repeat=3):
    say("2. line scaling: action_intake_check of a 200-line vs a 10-line order")
    out = {}
    for lines in (10, 200):
        with Env() as env:
            order_ids = create_orders(
                env, [order_vals(ids, lines, i * 7) for i in range(repeat)]
            )
        for order_id in order_ids:
            timed(
                ids["manager"],
                lambda env: env["sale.order"].browse(order_id).action_intake_submit(),
            )
        samples = [
            timed(
                ids["clerk"],
                lambda env: env["sale.order"].browse(order_id).action_intake_check(),
            )
            for order_id in order_ids
        ]
        with Env() as env:
            stages = set(env["sale.order"].browse(order_ids).mapped("intake_stage"))
        out[lines] = {
            "seconds": round(statistics.median(s[0] for s in samples), 3),
            "queries": int(statistics.median(s[1] for s in samples)),
            "stages_after": sorted(stages),
        }
    result = {
        "lines_10": out[10],
        "lines_200": out[200],
        "query_ratio": round(out[200]["queries"] / out[10]["queries"], 2),
        "time_ratio": round(out[200]["seconds"] / out[10]["seconds"], 2),
        "target_query_ratio": 1.1,
    }
    RESULTS["measures"]["line_scaling"] = result
    return result


# ----------------------------------------------------------------------
# 3. Reporting at scale
# ----------------------------------------------------------------------
STAGE_MIX = [
    ("submitted", 5),
    ("checked", 5),
    ("accepted", 20),
    ("date_proposed", 10),
    ("date_confirmed", 25),
    ("done", 30),
    ("cancelled", 5),
]


def gen_reporting(ids, n_orders, lines=2, batch=500):
    say(
        f"3. generating {n_orders} orders of {lines} lines with slips, reviews, complaints"
    )
    start = time.perf_counter()
    rnd = random.Random(42)
    stages = [s for s, w in STAGE_MIX for _ in range(w)]
    transferred = ("accepted", "date_proposed", "date_confirmed", "done")
    counts = collections.Counter()
    deps = ids["departments"]
    for first in range(0, n_orders, batch):
        with Env(context=FAST) as env:
            size = min(batch, n_orders - first)
            vals = []
            for i in range(first, first + size):
                stage = rnd.choice(stages)
                vals.append(
                    order_vals(
                        ids,
                        lines,
                        i,
                        intake_stage=stage,
                        intake_clerk_id=ids["clerk"],
                        intake_submitted_uid=ids["manager"],
                        intake_submitted_date=fields.Datetime.now(),
                    )
                )
            orders = env["sale.order"].with_context(**FAST).create(vals)
            orders.order_line.sudo().write({"intake_class": "regular"})
            accepted = orders.filtered(lambda o: o.intake_stage in transferred)
            slip_vals = []
            for order in accepted:
                for code in ("quality", "warehouse"):
                    slip_vals.append(
                        {
                            "department_id": deps[code],
                            "company_id": order.company_id.id,
                            "res_model": "sale.order",
                            "res_id": order.id,
                            "origin": order.name,
                            "order_class": "regular",
                            "priority": "0",
                        }
                    )
            slips = (
                env["order.handling.transfer"].with_context(**FAST).create(slip_vals)
            )
            # most slips of advanced orders are acknowledged
            old = slips.filtered(lambda s: rnd.random() < 0.8)
            old.with_context(**FAST).write(
                {
                    "state": "acknowledged",
                    "acknowledged_uid": ids["quality"][0],
                    "acknowledged_date": fields.Datetime.now(),
                }
            )
            review_vals = []
            for order in accepted:
                state = "to_review" if order.intake_stage == "accepted" else "accepted"
                review_vals.append(
                    {
                        "order_id": order.id,
                        "company_id": order.company_id.id,
                        "order_class": "regular",
                        "department_id": deps["production"],
                        "state": state,
                    }
                    | (
                        {k: "ok" for k in REVIEW_ASPECTS}
                        | {"decision": "accept", "decision_uid": ids["workshop"][0]}
                        if state == "accepted"
                        else {}
                    )
                )
            reviews = env["sale.order.review"].with_context(**FAST).create(review_vals)
            complaints = 0
            if "sale.customer.complaint" in env:
                done = orders.filtered(lambda o: o.intake_stage == "done")
                cvals = [
                    {
                        "subject": f"Bench complaint {order.name}",
                        "partner_id": order.partner_id.id,
                        "order_id": order.id,
                        "company_id": order.company_id.id,
                    }
                    for order in done
                    if rnd.random() < 0.3
                ]
                complaints = len(
                    env["sale.customer.complaint"].with_context(**FAST).create(cvals)
                )
            counts.update(
                orders=len(orders),
                slips=len(slips),
                reviews=len(reviews),
                complaints=complaints,
            )
        if (first // batch) % 10 == 9:
            say(f"   {first + size} orders, {time.perf_counter() - start:.0f} s")
    with Env() as env:
        env.cr.execute("ANALYZE")
        env.cr.execute(
            "SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname IN "
            "('sale_order','sale_order_line','order_handling_transfer','sale_order_review',"
            "'order_handling_stage_log','sale_customer_complaint','mail_activity','mail_message')"
        )
        rows = dict(env.cr.fetchall())
    counts = dict(counts) | {
        "table_rows": rows,
        "seconds": round(time.perf_counter() - start, 1),
    }
    return counts


def action_defaults(env, xmlid):
    """Domain and group-bys the web client applies when ``xmlid`` opens:
    the action's domain plus its search_default_* filters (filters of one
    group are OR-ed, groups AND-ed, as the search panel does)."""
    from lxml import etree

    from odoo.osv import expression
    from odoo.tools.safe_eval import datetime as sdt
    from odoo.tools.safe_eval import dateutil, safe_eval
    from odoo.tools.safe_eval import time as stime

    action = env.ref(xmlid).sudo()
    model = env[action.res_model]
    eval_ctx = {
        "uid": env.uid,
        "user": env.user,
        "context_today": lambda: fields.Date.context_today(env.user),
        "datetime": sdt,
        "time": stime,
        "relativedelta": dateutil.relativedelta.relativedelta,
        "context": dict(env.context),
        "allowed_company_ids": env.companies.ids,
        "current_company_id": env.company.id,
        "company_ids": env.companies.ids,
    }
    domain = safe_eval(action.domain or "[]", eval_ctx)
    context = safe_eval(action.context or "{}", eval_ctx)
    defaults = {
        k[len("search_default_") :]
        for k, v in context.items()
        if k.startswith("search_default_") and v
    }
    views = model.get_views([(action.search_view_id.id or False, "search")])
    arch = etree.fromstring(views["views"]["search"]["arch"])
    groups, groupbys, current = [], [], []
    for node in arch.iter("filter", "separator", "group"):
        if node.tag != "filter":
            if current:
                groups.append(current)
            current = []
            continue
        if node.get("name") not in defaults:
            continue
        if node.get("domain"):
            current.append(safe_eval(node.get("domain"), eval_ctx))
        node_ctx = node.get("context")
        if node_ctx and "group_by" in node_ctx:
            groupbys.append(safe_eval(node_ctx, eval_ctx)["group_by"])
    if current:
        groups.append(current)
    domains = [domain] + [expression.OR(g) for g in groups]
    return action, expression.AND(domains), groupbys, sorted(defaults)


def explain(env, model, domain):
    """EXPLAIN (ANALYZE) of the list query: indexes used, seq scans, ms."""
    from odoo.tools import SQL

    query = env[model]._search(domain, limit=80, order=env[model]._order)
    env.cr.execute(SQL("EXPLAIN (ANALYZE, FORMAT JSON) %s", query.select()))
    plan = env.cr.fetchone()[0][0]
    indexes, seq = set(), set()

    def walk(node):
        if node.get("Index Name"):
            indexes.add(f"{node['Index Name']} ({node.get('Relation Name', '?')})")
        if node.get("Node Type") == "Seq Scan":
            seq.add(f"{node['Relation Name']} (rows {node.get('Actual Rows')})")
        for child in node.get("Plans", []):
            walk(child)

    walk(plan["Plan"])
    return {
        "execution_ms": round(plan["Execution Time"], 1),
        "indexes": sorted(indexes),
        "seq_scans": sorted(seq),
        "top_node": plan["Plan"]["Node Type"],
    }


def run_reporting(ids, n_orders):
    gen = gen_reporting(ids, n_orders)
    say("3. reporting: default searches of the main list views and KPI reads")
    views = [
        ("intake queue", "sale_order_intake.sale_order_intake_action", ids["clerk"]),
        (
            "transfer slips (my depts, open)",
            "order_handling_base.order_handling_transfer_action",
            ids["quality"][1],
        ),
        (
            "all transfer slips",
            "order_handling_base.order_handling_transfer_action_all",
            ids["manager"],
        ),
        (
            "reviews to do",
            "sale_order_review.sale_order_review_action",
            ids["workshop"][1],
        ),
        (
            "complaints (open)",
            "sale_customer_care.sale_customer_complaint_action",
            ids["manager"],
        ),
        (
            "stage log (closed)",
            "order_handling_base.order_handling_stage_log_action",
            ids["manager"],
        ),
        (
            "customer care KPI",
            "sale_customer_care.sale_customer_care_kpi_action",
            ids["manager"],
        ),
        (
            "complaint report",
            "sale_customer_care.sale_customer_complaint_report_action",
            ids["manager"],
        ),
        (
            "sales target report",
            "sale_target_breakdown.sale_target_report_action",
            ids["manager"],
        ),
        (
            "intel compliance report",
            "sale_order_intel.sale_intel_compliance_report_action",
            ids["manager"],
        ),
    ]
    rows = []
    for label, xmlid, uid in views:
        with Env(uid) as env:
            if (
                not env.ref(xmlid, raise_if_not_found=False)
                or env.ref(xmlid).sudo().res_model not in env
            ):
                continue

        def measure(env, xmlid=xmlid):
            action, domain, groupbys, defaults = action_defaults(env, xmlid)
            Model = env[action.res_model]
            if groupbys:
                out = Model.web_read_group(domain, ["__count"], groupbys[:1], limit=80)
                return action.res_model, domain, groupbys, defaults, out["length"], None
            list_view = Model.get_views([(False, "list")])
            names = [
                f
                for f in list_view["models"][action.res_model]["fields"]
                if f in Model._fields
            ]
            out = Model.web_search_read(
                domain, {name: {} for name in names}, limit=80, count_limit=100001
            )
            return (
                action.res_model,
                domain,
                groupbys,
                defaults,
                out["length"],
                len(names),
            )

        timed(uid, measure)  # warm the registry caches (views, rules)
        secs, queries, (model, domain, groupbys, defaults, length, nfields) = timed(
            uid, measure
        )
        row = {
            "view": label,
            "action": xmlid,
            "model": model,
            "filters": defaults,
            "domain": repr(domain),
            "group_by": groupbys,
            "records": length,
            "seconds": round(secs, 3),
            "queries": queries,
        }
        if not groupbys:
            with Env(uid) as env:
                row["explain"] = explain(env, model, domain)
        rows.append(row)
    # KPI: stage log grouped by stage, slips per department and state
    kpis = [
        (
            "stage log by stage",
            "order.handling.stage.log",
            [],
            ["duration_hours:avg", "__count"],
            ["stage"],
        ),
        (
            "slips by department/state",
            "order.handling.transfer",
            [],
            ["__count"],
            ["department_id", "state"],
        ),
        ("reviews by state", "sale.order.review", [], ["__count"], ["state"]),
        (
            "orders by intake stage/class",
            "sale.order",
            [],
            ["amount_untaxed:sum", "__count"],
            ["intake_stage", "intake_class"],
        ),
        (
            "complaints by category",
            "sale.customer.complaint",
            [],
            ["__count"],
            ["category"],
        ),
    ]
    for label, model, domain, aggregates, groupby in kpis:
        with Env(ids["manager"]) as env:
            if model not in env:
                continue

        def measure(
            env, model=model, domain=domain, aggregates=aggregates, groupby=groupby
        ):
            return len(env[model]._read_group(domain, groupby, aggregates))

        secs, queries, length = timed(ids["manager"], measure)
        rows.append(
            {
                "view": label,
                "model": model,
                "group_by": groupby,
                "records": length,
                "seconds": round(secs, 3),
                "queries": queries,
            }
        )
    result = {"generated": gen, "reads": rows, "target_seconds": 1.0}
    RESULTS["measures"]["reporting"] = result
    return result


# ----------------------------------------------------------------------
# 4 + 5. Concurrency and worker memory
# ----------------------------------------------------------------------
def prepare_concurrency(ids, n_orders=300):
    """Fresh orders taken through intake acceptance: each has a quality and a
    warehouse slip to acknowledge and a review (assessed) to accept."""
    with Env(context=FAST) as env:
        order_ids = create_orders(env, [order_vals(ids, 3, i) for i in range(n_orders)])
    with Env(ids["clerk"]) as env:
        orders = env["sale.order"].browse(order_ids)
        orders.with_user(ids["manager"]).action_intake_submit()
        orders.action_intake_check()
        orders.filtered(lambda o: o.intake_stage == "checked").action_intake_accept()
        slips = orders.transfer_slip_ids.filtered(lambda s: s.state == "sent")
        reviews = orders.order_review_ids.filtered(lambda r: r.state == "to_review")
        reviews.sudo().write({k: "ok" for k in REVIEW_ASPECTS})
        by_dept = collections.defaultdict(list)
        for slip in slips:
            by_dept[slip.department_id.code].append(slip.id)
    return {
        "quality": by_dept["quality"],
        "warehouse": by_dept["warehouse"],
        "reviews": reviews.ids,
    }


def client_plan(ids, n_clients):
    """Measure 4's clients, as (kind, uid, login): 2/5 acknowledge the
    quality slips, 2/5 the warehouse slips, the rest accept reviews (16, 16
    and 8 of 40), the bench's users of each kind taken in turn."""
    plan = ["quality"] * (n_clients * 2 // 5) + ["warehouse"] * (n_clients * 2 // 5)
    plan += ["reviews"] * (n_clients - len(plan))
    users = {
        "quality": ids["quality"],
        "warehouse": ids["warehouse"],
        "reviews": ids["workshop"],
    }
    prefix = {"quality": "quality", "warehouse": "warehouse", "reviews": "workshop"}
    result = []
    for i, kind in enumerate(plan):
        index = i % len(users[kind])
        result.append((kind, users[kind][index], f"bench_{prefix[kind]}_{index}"))
    return result


class Client(threading.Thread):
    """One JSON-RPC user acknowledging slips (or accepting reviews) picked
    among the first pending ones of a shared list: clients collide on
    purpose."""

    def __init__(self, url, login, uid, kind, pool, lock, user_login, barrier, stats):
        super().__init__(daemon=True)
        from rpc_client import Session  # noqa: PLC0415 (requests: measure 4 only)

        self.session = Session(url)
        self.url, self.login, self.uid, self.kind = url, login, uid, kind
        self.pool, self.lock, self.stats = pool, lock, stats
        self.user_login, self.barrier = user_login, barrier
        self.rnd = random.Random(login)

    def authenticate(self, login):
        self.session.authenticate(ARGS.database, login, PASSWORD)

    def call(self, model, method, args):
        # what the web client sends: a session cookie, /web/dataset/call_kw;
        # the answer as it comes (an Odoo error in it, not raised)
        return self.session.answer(model, method, args)

    def run(self):
        try:
            self.authenticate(self.user_login)
        finally:
            self.barrier.wait()
        self.deadline = self.pool["deadline"][0]
        model, method = (
            ("sale.order.review", "action_accept")
            if self.kind == "reviews"
            else ("order.handling.transfer", "action_acknowledge")
        )
        while time.monotonic() < self.deadline:
            with self.lock:
                pending = self.pool["pending"]
                if not pending:
                    break
                record_id = pending[self.rnd.randrange(min(10, len(pending)))]
            start = time.perf_counter()
            try:
                answer = self.call(model, method, [[record_id]])
                error = answer.get("error")
            except Exception as exc:  # transport errors are unexpected
                answer, error = (
                    None,
                    {"data": {"name": type(exc).__name__, "message": str(exc)}},
                )
            elapsed = time.perf_counter() - start
            with self.lock:
                self.stats["latencies"].append(elapsed)
                if not error:
                    self.stats["successes"][(model, record_id)] += 1
                    if record_id in pending:
                        pending.remove(record_id)
                    self.stats["kinds"]["ok"] += 1
                    continue
                data = error.get("data") or {}
                name = data.get("name", "?")
                message = data.get("message", "") or error.get("message", "")
                if name.endswith("UserError") and (
                    "only a sent slip" in message or "already decided" in message
                ):
                    kind = "expected: UserError already done"
                    if record_id in pending:
                        pending.remove(record_id)
                elif "could not serialize" in message or "SerializationFailure" in name:
                    kind = "expected: serialization retries exhausted"
                else:
                    kind = f"UNEXPECTED: {name}: {message[:120]}"
                self.stats["kinds"][kind] += 1


def start_server(port, pidfile, logfile):
    cmd = [
        sys.executable,
        "-m",
        "odoo",
        "-c",
        os.path.abspath(ARGS.config),
        "-d",
        ARGS.database,
        f"--db-filter=^{ARGS.database}$",
        "--workers=4",
        "--max-cron-threads=0",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        f"--gevent-port={port + 3}",
        f"--pidfile={pidfile}",
        f"--logfile={logfile}",
        "--log-level=info",
        "--limit-time-real=300",
        "--limit-time-cpu=300",
    ]
    process = subprocess.Popen(
        cmd,
        cwd="/",
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=open(logfile + ".err", "w"),
        start_new_session=True,
    )
    import requests

    for _ in range(120):
        if process.poll() is not None:
            raise RuntimeError(f"the bench Odoo server stopped, see {logfile}")
        try:
            if (
                requests.get(
                    f"http://127.0.0.1:{port}/web/login", timeout=5
                ).status_code
                == 200
            ):
                return process
        except Exception:
            pass
        time.sleep(1)
    stop_server(process)
    raise RuntimeError(f"the bench Odoo server did not answer, see {logfile}")


def stop_server(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_concurrency(ids, seconds, n_clients):
    import psutil

    say(f"4. concurrency: {n_clients} JSON-RPC clients for {seconds} s on --workers=4")
    targets = prepare_concurrency(ids)
    local = os.path.join(os.path.dirname(os.path.abspath(ARGS.config)))
    pidfile = os.path.join(local, "bench-odoo.pid")
    logfile = os.path.join(local, "bench-odoo.log")
    if os.path.exists(logfile):
        os.remove(logfile)
    process = start_server(ARGS.port, pidfile, logfile)
    url = f"http://127.0.0.1:{ARGS.port}"
    rss = {"peak_worker": 0, "peak_total": 0, "samples": 0}
    stop_sampling = threading.Event()

    def sample():
        master = psutil.Process(process.pid)
        while not stop_sampling.is_set():
            try:
                children = master.children(recursive=True)
                values = [c.memory_info().rss for c in children]
                if values:
                    rss["peak_worker"] = max(rss["peak_worker"], max(values))
                    rss["peak_total"] = max(
                        rss["peak_total"], sum(values) + master.memory_info().rss
                    )
                    rss["workers"] = len(values)
                rss["samples"] += 1
            except psutil.Error:
                pass
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stats = {
        "latencies": [],
        "successes": collections.Counter(),
        "kinds": collections.Counter(),
    }
    try:
        uids = {}
        for login_uid in ids["quality"] + ids["warehouse"] + ids["workshop"]:
            uids[login_uid] = login_uid
        pools = {
            kind: {"pending": list(targets[kind])}
            for kind in ("quality", "warehouse", "reviews")
        }
        locks = {kind: threading.Lock() for kind in pools}
        plan = client_plan(ids, n_clients)
        deadline = [0.0]
        barrier = threading.Barrier(
            len(plan) + 1,
            action=lambda: deadline.__setitem__(0, time.monotonic() + seconds),
        )
        for pool in pools.values():
            pool["deadline"] = deadline
        clients = [
            Client(
                url, f"c{i}", uid, kind, pools[kind], locks[kind], login, barrier, stats
            )
            for i, (kind, uid, login) in enumerate(plan)
        ]
        for client in clients:
            client.start()
        # the clients log in (session cookie, as the web client), then all start
        barrier.wait()
        start = time.perf_counter()
        for client in clients:
            client.join(seconds + 130)
        wall = time.perf_counter() - start
    finally:
        stop_sampling.set()
        sampler.join(2)
        stop_server(process)
    retries = 0
    with open(logfile, encoding="utf-8", errors="replace") as log:
        for line in log:
            # Odoo 18 (odoo/service/model.py): "SERIALIZATION_FAILURE, 4
            # tries left, try again in 0.1234 sec..." (also for
            # LOCK_NOT_AVAILABLE and DEADLOCK_DETECTED)
            if "tries left, try again" in line or (
                "retry" in line and "serializ" in line.lower()
            ):
                retries += 1
    latencies = sorted(stats["latencies"])
    verify = verify_concurrency(targets, stats["successes"])
    unexpected = sum(v for k, v in stats["kinds"].items() if k.startswith("UNEXPECTED"))
    result = {
        "clients": n_clients,
        "seconds": round(wall, 1),
        "calls": len(latencies),
        "throughput_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1)
        if latencies
        else None,
        "outcomes": dict(stats["kinds"]),
        "server_serialization_retries": retries,
        "unexpected_errors": unexpected + verify["problems_count"],
        "verification": verify,
        "peak_rss_worker_mb": round(rss["peak_worker"] / 2**20, 1),
        "peak_rss_total_mb": round(rss["peak_total"] / 2**20, 1),
        "rss_samples": rss["samples"],
        "server_log": logfile,
    }
    RESULTS["measures"]["concurrency"] = result
    return result


def verify_concurrency(targets, successes):
    """Each slip/review acknowledged/accepted at most once, by the one call
    that succeeded; its fields, stage log and activity agree."""
    problems = []
    with Env() as env:
        slip_ids = targets["quality"] + targets["warehouse"]
        slips = env["order.handling.transfer"].browse(slip_ids)
        env.cr.execute(
            """SELECT res_id, count(*) FILTER (WHERE stage = 'acknowledged'),
                      count(*) FILTER (WHERE stage = 'sent' AND date_end IS NULL)
                 FROM order_handling_stage_log
                WHERE res_model = 'order.handling.transfer' AND res_id = ANY(%s)
                GROUP BY res_id""",
            [slip_ids],
        )
        logs = {row[0]: row[1:] for row in env.cr.fetchall()}
        activity_type = env.ref("order_handling_base.mail_activity_type_transfer")
        env.cr.execute(
            """SELECT res_id FROM mail_activity WHERE res_model = 'order.handling.transfer'
                AND activity_type_id = %s AND res_id = ANY(%s)""",
            [activity_type.id, slip_ids],
        )
        open_activity = {row[0] for row in env.cr.fetchall()}
        acknowledged = 0
        for slip in slips:
            done = slip.state == "acknowledged"
            calls = successes.get(("order.handling.transfer", slip.id), 0)
            acks, open_sent = logs.get(slip.id, (0, 0))
            if done:
                acknowledged += 1
                ok = (
                    calls == 1
                    and slip.acknowledged_uid
                    and slip.acknowledged_date
                    and acks == 1
                    and open_sent == 0
                    and slip.id not in open_activity
                )
            else:
                ok = (
                    calls == 0
                    and not slip.acknowledged_uid
                    and acks == 0
                    and open_sent == 1
                )
            if not ok:
                problems.append(
                    f"slip {slip.id}: state {slip.state}, successes {calls}, "
                    f"ack logs {acks}, open sent logs {open_sent}, uid {slip.acknowledged_uid.id}"
                )
        reviews = env["sale.order.review"].browse(targets["reviews"])
        env.cr.execute(
            """SELECT res_id, count(*) FILTER (WHERE stage = 'accepted')
                 FROM order_handling_stage_log
                WHERE res_model = 'sale.order.review' AND res_id = ANY(%s) GROUP BY res_id""",
            [reviews.ids],
        )
        review_logs = dict(env.cr.fetchall())
        accepted = 0
        for review in reviews:
            calls = successes.get(("sale.order.review", review.id), 0)
            if review.state == "accepted":
                accepted += 1
                ok = (
                    calls == 1
                    and review.decision == "accept"
                    and review.decision_uid
                    and review_logs.get(review.id) == 1
                )
            else:
                ok = calls == 0 and review.state == "to_review" and not review.decision
            if not ok:
                problems.append(
                    f"review {review.id}: state {review.state}, successes {calls}"
                )
    return {
        "slips": len(slip_ids),
        "slips_acknowledged": acknowledged,
        "reviews": len(targets["reviews"]),
        "reviews_accepted": accepted,
        "problems_count": len(problems),
        "problems": problems[:20],
    }


# ----------------------------------------------------------------------
# Machine, table, main
# ----------------------------------------------------------------------
def machine():
    import psutil

    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    with Env() as env:
        env.cr.execute("SHOW server_version")
        pg = env.cr.fetchone()[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "odoo": odoo.release.version,
        "postgresql": pg,
        "os": platform.platform(),
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
    }


def verdict(value, target):
    return "ok" if value is not None and value <= target else "ABOVE TARGET"


def print_table():
    m = RESULTS["measures"]
    lines = [
        "",
        f"Order Handling Suite bench — scale {ARGS.scale} — {RESULTS['machine']['cpu']}, "
        f"{RESULTS['machine']['cores']} cores, {RESULTS['machine']['ram_gb']} GB",
        f"{'measure':<58} {'value':>14}  {'target':>8}  verdict",
    ]

    def row(label, value, target="", ok=""):
        lines.append(f"{label:<58} {value!s:>14}  {target!s:>8}  {ok}")

    if "overhead" in m:
        o = m["overhead"]
        row(
            f"1. overhead time ratio ({o['orders']} orders x {o['lines']} lines)",
            f"{o['time_ratio']}x",
            "2.0x",
            verdict(o["time_ratio"], 2.0),
        )
        row(
            "1. overhead query ratio",
            f"{o['query_ratio']}x",
            "2.0x",
            verdict(o["query_ratio"], 2.0),
        )
        row(
            "   intake path per order (ms / queries)",
            f"{o['path_seconds'] / o['orders'] * 1000:.0f} / {o['path_queries'] / o['orders']:.0f}",
        )
        row(
            "   plain confirm per order (ms / queries)",
            f"{o['plain_seconds'] / o['orders'] * 1000:.0f} / {o['plain_queries'] / o['orders']:.0f}",
        )
        if "floor" in o:
            f = o["floor"]
            row(
                "   Odoo floor: 6 plain hand-offs per order (ms / q)",
                f"{f['per_order_ms']:.0f} / {f['per_order_queries']:.0f}",
            )
            row(
                "   floor + plain confirm vs plain (time / queries)",
                f"{f['time_ratio']}x / {f['query_ratio']}x",
            )
        if "background" in o:
            b = o["background"]
            row(
                "   + cron: scheduled notifications per order (ms / q)",
                f"{b['per_order_ms']:.0f} / {b['per_order_queries']:.0f}",
            )
            row(
                "   ratios with the cron's work (time / queries)",
                f"{o['time_ratio_with_background']}x / "
                f"{o['query_ratio_with_background']}x",
            )
    if "line_scaling" in m:
        s = m["line_scaling"]
        row(
            "2. intake check 200 vs 10 lines: query ratio",
            f"{s['query_ratio']}x",
            "1.1x",
            verdict(s["query_ratio"], 1.1),
        )
        row(
            "   queries 10 / 200 lines",
            f"{s['lines_10']['queries']} / {s['lines_200']['queries']}",
        )
        row(
            "   time ratio (ms 10 / 200 lines)",
            f"{s['time_ratio']}x ({s['lines_10']['seconds'] * 1000:.0f}/{s['lines_200']['seconds'] * 1000:.0f})",
        )
    if "reporting" in m:
        r = m["reporting"]
        g = r["generated"]
        row(
            "3. generated orders / slips / reviews / complaints",
            f"{g.get('orders')}/{g.get('slips')}/{g.get('reviews')}/{g.get('complaints')}",
        )
        for read in r["reads"]:
            extra = ""
            if read.get("explain"):
                extra = (
                    " seq:"
                    + ",".join(s.split(" ")[0] for s in read["explain"]["seq_scans"])
                    if read["explain"]["seq_scans"]
                    else " idx"
                )
            row(
                f"3. {read['view']} ({read['records']} rec){extra}"[:58],
                f"{read['seconds']:.3f} s",
                "1 s",
                verdict(read["seconds"], 1.0),
            )
    if "concurrency" in m:
        c = m["concurrency"]
        row(
            f"4. {c['clients']} clients, {c['seconds']} s: calls/s",
            c["throughput_per_s"],
        )
        row("4. latency p50 / p95 (ms)", f"{c['p50_ms']} / {c['p95_ms']}")
        for kind, count in sorted(c["outcomes"].items()):
            row(f"   {kind}"[:58], count)
        row("   server concurrency retries (log)", c["server_serialization_retries"])
        v = c["verification"]
        row(
            "4. slips acknowledged / reviews accepted",
            f"{v['slips_acknowledged']}/{v['slips']}, {v['reviews_accepted']}/{v['reviews']}",
        )
        row(
            "4. unexpected errors (incl. DB check)",
            c["unexpected_errors"],
            0,
            "ok" if c["unexpected_errors"] == 0 else "FAILED",
        )
        row(
            "5. peak RSS of a worker / all processes (MB)",
            f"{c['peak_rss_worker_mb']} / {c['peak_rss_total_mb']}",
        )
    taken = {
        (measure.get("taken_at"), measure.get("scale"))
        for measure in m.values()
        if measure.get("taken_at")
    }
    if len(taken) > 1:
        lines.append("measures taken by different runs:")
        for name, measure in m.items():
            lines.append(
                f"   {name}: {measure.get('taken_at')}, scale {measure.get('scale')}"
            )
    text = "\n".join(lines)
    print(text, flush=True)
    return text


def main():
    start = time.perf_counter()
    skip = set(ARGS.skip.split(",")) if ARGS.skip else set()
    RESULTS["machine"] = machine()
    say("generating customers, products, users")
    ids = gen_master_data()
    RESULTS["archived_rules"] = ids.pop("archived_rules")
    if "1" not in skip:
        run_overhead(ids, ARGS.sizes["overhead"])
    if "2" not in skip:
        run_scaling(ids)
    if "3" not in skip:
        run_reporting(ids, ARGS.sizes["orders"])
    if "4" not in skip:
        run_concurrency(ids, ARGS.sizes["seconds"], ARGS.sizes["clients"])
    RESULTS["total_seconds"] = round(time.perf_counter() - start, 1)
    taken_at = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    for measure in RESULTS["measures"].values():
        measure.setdefault("taken_at", taken_at)
        measure.setdefault("scale", ARGS.scale)
    if ARGS.merge and os.path.exists(ARGS.out):
        with open(ARGS.out, encoding="utf-8") as previous_file:
            previous = json.load(previous_file)
        for name, measure in previous.get("measures", {}).items():
            if name not in RESULTS["measures"]:
                # taken by an earlier run: say so
                measure.setdefault("taken_at", previous.get("taken_at", "earlier run"))
                measure.setdefault("scale", previous.get("scale"))
                RESULTS["measures"][name] = measure
        RESULTS["measures"] = {
            name: RESULTS["measures"][name]
            for name in ("overhead", "line_scaling", "reporting", "concurrency")
            if name in RESULTS["measures"]
        }
        # measure 6 (bench/cluster_run.py, BENCH_CLUSTER=1) writes "cluster"
        if "cluster" in previous:
            RESULTS["cluster"] = previous["cluster"]
    RESULTS["taken_at"] = taken_at
    RESULTS["table"] = print_table()
    with open(ARGS.out, "w", encoding="utf-8") as out:
        json.dump(RESULTS, out, indent=2, default=str)
    say(f"results in {ARGS.out} ({RESULTS['total_seconds']} s)")
    conc = RESULTS["measures"].get("concurrency")
    return 1 if conc and conc["unexpected_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
