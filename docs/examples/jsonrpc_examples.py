#!/usr/bin/env python3
# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Drive the Order Handling Suite over Odoo's external JSON-RPC API.

Standard library only (``urllib`` + ``json``). Every call is made as the
person whose job it is, so the server's role checks, record rules and state
guards apply exactly as in the browser:

1. the salesperson creates a quotation and submits it to logistics;
2. the logistics clerk runs the intake check: the sales head has not signed
   the order off yet, so it goes back to sales, and the script reads the
   intake issues that say why;
3. the sales head signs it off, the salesperson submits it again, the clerk
   checks it again (clean now), a second person re-checks it when it is an
   important order, and the clerk accepts and transfers it;
4. each receiving department lists its transfer slips and acknowledges the
   slip of this order;
5. the cycle times of sale orders (stage log) are read, grouped by stage,
   and the customer-care KPIs when that addon is installed.

Usage (against ``make demo``; demo users have login = password)::

    python3 docs/examples/jsonrpc_examples.py
    python3 docs/examples/jsonrpc_examples.py --url http://127.0.0.1:8069 \\
        --db order_handling_demo --user clerk=clerk:secret

Environment variables ``ODOO_URL``, ``ODOO_DB``, ``ODOO_LOGIN`` and
``ODOO_PASSWORD`` (the administrator, used only to look up a customer, a
product and a carrier) give the defaults of the options.

The functions are imported by ``order_handling_suite/tests/
test_jsonrpc_examples.py``, which runs :func:`main_flow` against the test
server, so the examples cannot drift from the code.
"""

import argparse
import itertools
import json
import os
import sys
import urllib.request
from datetime import datetime, timedelta

# The role → login of the demo database (password = login).
DEMO_USERS = {
    "sales": "sales",
    "saleshead": "saleshead",
    "clerk": "clerk",
    "quality": "quality",
    "warehouse": "warehouse",
    "workshop": "workshop",
    "engineering": "engineering",
    "purchasing": "purchasing",
    "office": "office",
}
# Which role acknowledges the slips of a department (by department code).
DEPARTMENT_ROLES = {
    "quality": "quality",
    "warehouse": "warehouse",
    "production": "workshop",
    "engineering": "engineering",
    "purchasing": "purchasing",
    "general_office": "office",
}


# --- [client] -----------------------------------------------------------
class RPCError(Exception):
    """An error answered by the server; ``message`` is the user-facing text
    (the UserError/AccessError/ValidationError message)."""

    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        super().__init__(f"{self.name}: {self.message}")


class OdooClient:
    """One user's connection: ``/jsonrpc``, services ``common`` and ``object``."""

    _ids = itertools.count(1)

    def __init__(self, url, db, login, password, timeout=60):
        self.url = url.rstrip("/") + "/jsonrpc"
        self.db = db
        self.login = login
        self.password = password
        self.timeout = timeout
        self.uid = self.rpc("common", "login", db, login, password)
        if not self.uid:
            raise RPCError({"message": f"Login {login!r} refused on {db!r}."})

    def rpc(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": args},
            "id": next(self._ids),
        }
        request = urllib.request.Request(
            self.url,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            answer = json.load(response)
        if answer.get("error"):
            raise RPCError(answer["error"])
        return answer["result"]

    def call(self, model, method, *args, **kwargs):
        """``execute_kw``: ``model.method(*args, **kwargs)`` as this user."""
        return self.rpc(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )


# --- [/client] ----------------------------------------------------------


def connect(url, db, login, password=None):
    """Log in; the demo users' password is their login."""
    return OdooClient(url, db, login, password or login)


def find_order_data(admin):
    """A customer, a sellable product with an internal reference (the
    *product* check asks for one) and a shipping method."""
    partner = admin.call(
        "res.partner",
        "search",
        [("customer_rank", ">", 0), ("is_company", "=", True)],
        limit=1,
    ) or admin.call("res.partner", "search", [("is_company", "=", True)], limit=1)
    product = admin.call(
        "product.product",
        "search",
        [("sale_ok", "=", True), ("type", "=", "consu"), ("default_code", "!=", False)],
        limit=1,
    )
    carrier = admin.call("delivery.carrier", "search", [], limit=1)
    if not (partner and product and carrier):
        raise RuntimeError("Need a customer, a product and a carrier in the database.")
    return {
        "partner_id": partner[0],
        "product_id": product[0],
        "carrier_id": carrier[0],
    }


# --- [quotation] --------------------------------------------------------
def create_quotation(sales, partner_id, product_id, carrier_id, qty=5, days=14):
    """The salesperson enters a quotation with a requested delivery date and
    a shipping method (two of the shipped intake checks)."""
    commitment = (datetime.now() + timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")
    return sales.call(
        "sale.order",
        "create",
        {
            "partner_id": partner_id,
            "commitment_date": commitment,
            "carrier_id": carrier_id,
            "intake_channel": "email",
            "order_line": [(0, 0, {"product_id": product_id, "product_uom_qty": qty})],
        },
    )


def submit_to_intake(sales, order_id):
    """*Submit to Logistics*: the order goes to the intake queue."""
    return sales.call("sale.order", "action_intake_submit", [order_id])


# --- [/quotation] -------------------------------------------------------

ORDER_FIELDS = [
    "name",
    "intake_stage",
    "intake_class",
    "intake_class_reason",
    "intake_important",
    "intake_return_count",
    "transfer_slip_ids",
]


def read_order(client, order_id):
    return client.call("sale.order", "read", [order_id], ORDER_FIELDS)[0]


# --- [check] ------------------------------------------------------------
def run_intake_check(clerk, order_id):
    """*Run Intake Check*: a clean order becomes *checked*, a failing one
    goes back to sales (stage *returned*) with the reasons."""
    clerk.call("sale.order", "action_intake_check", [order_id])
    return read_order(clerk, order_id)


def read_intake_issues(client, order_id):
    """The issues of the last check, blocking ones first."""
    return client.call(
        "sale.order.intake.issue",
        "search_read",
        [("order_id", "=", order_id)],
        ["message", "blocking", "rule_id", "line_id"],
        order="blocking desc, id",
    )


def sign_off(saleshead, order_id):
    """*Sign Off* by the sales head (the *signoff* check)."""
    return saleshead.call("sale.order", "action_intake_sign_off", [order_id])


def recheck(second_person, order_id):
    """*Re-check* of an important order by someone who neither entered nor
    checked it."""
    return second_person.call("sale.order", "action_intake_recheck", [order_id])


def accept_and_transfer(clerk, order_id):
    """*Accept and Transfer*: transfer slips to quality and the warehouse
    (regular) or to engineering (non-regular)."""
    clerk.call("sale.order", "action_intake_accept", [order_id])
    return clerk.call(
        "order.handling.transfer",
        "search_read",
        [("res_model", "=", "sale.order"), ("res_id", "=", order_id)],
        ["name", "department_id", "state", "order_class", "sla_deadline"],
    )


# --- [/check] -----------------------------------------------------------


# --- [slips] ------------------------------------------------------------
def list_transfer_slips(client, department_code, state="sent"):
    """The slips of one department (what *My Transfer Slips* shows), most
    urgent first."""
    return client.call(
        "order.handling.transfer",
        "search_read",
        [("department_id.code", "=", department_code), ("state", "=", state)],
        ["name", "origin", "res_model", "res_id", "order_class", "sla_status"],
        order="priority desc, sla_deadline, id",
    )


def acknowledge_slip(client, slip_id):
    """*Acknowledge*: only a member of the receiving department may."""
    client.call("order.handling.transfer", "action_acknowledge", [slip_id])
    return client.call(
        "order.handling.transfer",
        "read",
        [slip_id],
        ["state", "acknowledged_uid", "acknowledged_date"],
    )[0]


# --- [/slips] -----------------------------------------------------------


# --- [kpi] --------------------------------------------------------------
def cycle_times(client, res_model="sale.order"):
    """Average hours per stage from the stage log (the *Cycle Times*
    report), with the number of stays and of late stays: one ``read_group``
    by stage and lateness."""
    groups = client.call(
        "order.handling.stage.log",
        "read_group",
        [("res_model", "=", res_model)],
        ["duration_hours:sum"],
        ["stage", "is_late"],
        lazy=False,
    )
    stages = {}
    for group in groups:
        row = stages.setdefault(
            group["stage"],
            {"stage": group["stage"], "count": 0, "hours": 0.0, "late": 0},
        )
        row["count"] += group["__count"]
        row["hours"] += group["duration_hours"] or 0.0
        if group["is_late"]:
            row["late"] += group["__count"]
    return [
        dict(row, avg_hours=round(row["hours"] / row["count"], 2))
        for row in stages.values()
    ]


def order_stage_log(client, order_id):
    """Every stage an order went through, who moved it, when, how long."""
    return client.call(
        "order.handling.stage.log",
        "search_read",
        [("res_model", "=", "sale.order"), ("res_id", "=", order_id)],
        ["stage", "user_id", "date_start", "date_end", "duration_hours"],
        order="date_start, id",
    )


def customer_care_kpis(client, limit=12):
    """Monthly customer-care KPIs (``sale_customer_care``), newest first;
    ``None`` when the addon is not installed."""
    try:
        return client.call(
            "sale.customer.care.kpi",
            "search_read",
            [],
            ["month", "delivered_orders", "complaint_rate", "supply_accuracy"],
            order="month desc",
            limit=limit,
        )
    except RPCError as error:
        if "sale.customer.care.kpi" in error.message:  # unknown model
            return None
        raise


# --- [/kpi] -------------------------------------------------------------


def main_flow(
    url,
    db,
    users=None,
    passwords=None,
    admin=("admin", "admin"),
    order_data=None,
    log=print,
):
    """The whole example; returns what it did (for the test).

    ``users`` maps a role to a login (default :data:`DEMO_USERS`),
    ``passwords`` a login to its password (default: the login); ``admin``
    (login, password) looks up ``order_data`` (partner, product, carrier)
    when it is not given and reads the KPIs."""
    users = dict(DEMO_USERS, **(users or {}))
    passwords = passwords or {}

    def as_role(role):
        login = users[role]
        return connect(url, db, login, passwords.get(login))

    admin_client = connect(url, db, admin[0], admin[1])
    sales, saleshead, clerk = as_role("sales"), as_role("saleshead"), as_role("clerk")

    # 1. the salesperson enters and submits a quotation
    data = order_data or find_order_data(admin_client)
    order_id = create_quotation(sales, **data)
    submit_to_intake(sales, order_id)
    order = read_order(sales, order_id)
    log(f"{order['name']}: created and submitted, stage {order['intake_stage']}")

    # 2. first check: not signed off yet, back to sales with the reasons
    order = run_intake_check(clerk, order_id)
    issues = read_intake_issues(sales, order_id)
    log(f"{order['name']}: check → {order['intake_stage']}")
    for issue in issues:
        kind = "blocking" if issue["blocking"] else "warning"
        log(f"  issue ({kind}): {issue['message']}")

    # 3. sign-off, resubmit, check again, re-check if important, accept
    if order["intake_stage"] == "returned":
        sign_off(saleshead, order_id)
        submit_to_intake(sales, order_id)
        order = run_intake_check(clerk, order_id)
        log(
            f"{order['name']}: signed off, resubmitted, check → {order['intake_stage']}"
        )
    if order["intake_stage"] != "checked":
        raise RuntimeError(
            "Order %s is still %s: %s"
            % (
                order["name"],
                order["intake_stage"],
                read_intake_issues(clerk, order_id),
            )
        )
    log(
        f"  class {order['intake_class']} ({order['intake_class_reason'] or 'regular'})"
    )
    if order["intake_important"]:
        recheck(saleshead, order_id)
        log(f"{order['name']}: important, re-checked by the sales head")
    slips = accept_and_transfer(clerk, order_id)
    log(
        f"{order['name']}: accepted; slips: "
        + ", ".join(f"{slip['name']} → {slip['department_id'][1]}" for slip in slips)
    )

    # 4. each department lists its slips and acknowledges this order's
    department_ids = sorted({slip["department_id"][0] for slip in slips})
    codes = {
        department["id"]: department["code"]
        for department in clerk.call(
            "order.handling.department", "read", department_ids, ["code"]
        )
    }
    acknowledged = []
    for slip in slips:
        code = codes[slip["department_id"][0]]
        if code not in DEPARTMENT_ROLES:
            log(f"  {slip['name']}: no example user for department {code}, left sent")
            continue
        member = as_role(DEPARTMENT_ROLES[code])
        waiting = list_transfer_slips(member, code)
        log(f"  {code}: {len(waiting)} slip(s) to acknowledge")
        result = acknowledge_slip(member, slip["id"])
        acknowledged.append(result)
        log(f"  {slip['name']}: {result['state']} by {result['acknowledged_uid'][1]}")

    # 5. reporting
    times = cycle_times(clerk)
    for row in times:
        log(
            f"  stage {row['stage']}: {row['count']} stays, "
            f"avg {row['avg_hours']} h, {row['late']} late"
        )
    history = order_stage_log(clerk, order_id)
    log(f"{order['name']}: " + " → ".join(entry["stage"] for entry in history))
    kpis = customer_care_kpis(admin_client)
    if kpis is not None:
        log(f"  customer-care KPI months: {len(kpis)}")
    return {
        "order_id": order_id,
        "issues": issues,
        "order": read_order(clerk, order_id),
        "slips": slips,
        "acknowledged": acknowledged,
        "cycle_times": times,
        "stage_log": history,
        "customer_care_kpis": kpis,
    }


def _parse_users(values):
    users, passwords = {}, {}
    for value in values or []:
        role, _sep, login = value.partition("=")
        login, _sep, password = login.partition(":")
        if role not in DEMO_USERS or not login:
            raise SystemExit(
                f"--user {value!r}: expected ROLE=LOGIN[:PASSWORD], "
                f"ROLE in {sorted(DEMO_USERS)}"
            )
        users[role] = login
        if password:
            passwords[login] = password
    return users, passwords


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", default=os.environ.get("ODOO_URL", "http://127.0.0.1:8069")
    )
    parser.add_argument(
        "--db", default=os.environ.get("ODOO_DB", "order_handling_demo")
    )
    parser.add_argument("--login", default=os.environ.get("ODOO_LOGIN", "admin"))
    parser.add_argument("--password", default=os.environ.get("ODOO_PASSWORD", "admin"))
    parser.add_argument(
        "--user",
        action="append",
        metavar="ROLE=LOGIN[:PASSWORD]",
        help="login of a role (default: the demo users, password = login)",
    )
    args = parser.parse_args(argv)
    users, passwords = _parse_users(args.user)
    try:
        main_flow(
            args.url, args.db, users, passwords, admin=(args.login, args.password)
        )
    except RPCError as error:
        print(f"refused by the server: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
