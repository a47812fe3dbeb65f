#!/usr/bin/env python3
# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Screenshots of the main screens of a running Odoo, for the docs.

Logs in over HTTP (``/web/session/authenticate``), starts a headless
Chromium and drives it with the Chrome DevTools Protocol over a websocket
(``websocket-client``, which Odoo's own browser tests use), then saves one
PNG per screen at 1440x900 into ``docs/screenshots/``.

The records shown are found by searching (the latest order accepted at
intake, the latest product plan waiting for approval, the latest applied
change request, the latest order archive …): run it on a database where
orders went through the flow, e.g. ``make demo`` (the suite's demo scenario;
archive a done order with *Archive Order* for the archive screen). A screen
whose record or addon is missing is skipped with a message.

    python3 tools/screenshots.py --url http://127.0.0.1:8069 \\
        --db order_handling_demo --login admin --password admin

Chinese screens temporarily switch the user's language to zh_CN (it must be
installed) and switch it back afterwards.
"""

import argparse
import base64
import http.cookiejar
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import websocket

WIDTH, HEIGHT = 1440, 900
MAX_BYTES = 300 * 1024
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
]
DASHBOARD_ACTION = "order_handling_dashboard.order_handling_dashboard_action"
OVERDUE_ACTION = "order_handling_dashboard.order_handling_overdue_report_action"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Odoo:
    """A logged-in HTTP session (cookie jar) for the JSON routes."""

    def __init__(self, url, db, login, password):
        self.url = url.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )
        self._ids = itertools.count(1)
        info = self.json(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password},
        )
        if not info.get("uid"):
            raise SystemExit(f"Login {login!r} refused on {db!r}.")
        self.uid = info["uid"]

    def json(self, route, params):
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": params,
                "id": next(self._ids),
            }
        ).encode()
        request = urllib.request.Request(
            self.url + route, data=body, headers={"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=60) as response:
            answer = json.load(response)
        if answer.get("error"):
            error = answer["error"]
            raise RuntimeError((error.get("data") or {}).get("message") or error)
        return answer["result"]

    def call(self, model, method, *args, **kwargs):
        return self.json(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def search(self, model, domain, order="id desc"):
        try:
            ids = self.call(model, "search", domain, limit=1, order=order)
        except RuntimeError:  # model of an addon that is not installed
            return None
        return ids[0] if ids else None

    def has_xmlid(self, xmlid):
        module, name = xmlid.split(".")
        return bool(
            self.call(
                "ir.model.data",
                "search_count",
                [("module", "=", module), ("name", "=", name)],
            )
        )

    @property
    def session_id(self):
        return next(c.value for c in self.jar if c.name == "session_id")


class Chrome:
    """A headless Chromium driven over the DevTools protocol."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="oh-screens-")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.proc = subprocess.Popen(
            [
                binary,
                *CHROME_FLAGS,
                "--remote-debugging-address=127.0.0.1",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                f"--window-size={WIDTH},{HEIGHT}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        target = None
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/json/list", timeout=2
                ) as response:
                    target = next(t for t in json.load(response) if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.1)
        if not target:
            self.close()
            raise SystemExit(f"{binary} did not open its DevTools port.")
        self.ws = websocket.create_connection(
            target["webSocketDebuggerUrl"], suppress_origin=True, timeout=60
        )
        self._ids = itertools.count(1)
        self.send("Page.enable")
        self.send("Network.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )

    def send(self, method, **params):
        """A command; waits for its answer (events meanwhile are dropped)."""
        call_id = next(self._ids)
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(f"!!({expression})"):
                return True
            time.sleep(0.25)
        return False

    def close(self):
        if getattr(self, "ws", None):
            self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# A screen: file name, URL (after /odoo), what must be on the page, and an
# optional tab (notebook page, by its label) or button to click first.
READY = (
    "document.querySelector('.o_action_manager .o_view_controller') && "
    "!document.querySelector('.o_loading_indicator, .o_blockUI') && "
    "document.readyState === 'complete'"
)


def click_tab(label):
    return (
        "(() => { const tab = [...document.querySelectorAll('.o_notebook .nav-link')]"
        f".find(a => a.textContent.trim() === {json.dumps(label)});"
        " if (tab) { tab.click(); return true; } return false; })()"
    )


HIDE_NOTIFICATIONS = (
    "(() => { const style = document.createElement('style');"
    " style.textContent = '.o_notification_manager { display: none !important; }';"
    " document.head.appendChild(style); return true; })()"
)


def pick_measure(label):
    """Open the pivot's *Measures* dropdown and tick ``label``."""
    return (
        "(() => { const item = [...document.querySelectorAll("
        "'.o-dropdown-item, .dropdown-item')]"
        f".find(a => a.textContent.trim() === {json.dumps(label)});"
        " if (item) { item.click(); return true; } return false; })()"
    )


def click(selector):
    return (
        f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
        " if (el) { el.click(); return true; } return false; })()"
    )


def screens(odoo):
    """The screens to take, with the records found in this database."""
    found = {
        "order": odoo.search(
            "sale.order", [("intake_stage", "in", ["accepted", "date_proposed"])]
        ),
        "slip_action": "order_handling_base.order_handling_transfer_action_all",
        # a review being filled in, else any review still to do
        "review": odoo.search(
            "sale.order.review",
            [("state", "=", "to_review"), ("capacity", "!=", False)],
        )
        or odoo.search("sale.order.review", [("state", "=", "to_review")]),
        "plan": odoo.search(
            "sale.engineering.plan",
            # review_ids: the plan's tier validation steps (OCA), i.e. the
            # plan was sent for approval (its order review is review_id)
            [("state", "=", "draft"), ("review_ids", "!=", False)],
        ),
        "complaint": odoo.search("sale.customer.complaint", []),
        # sale_order_governance: an applied change request (approved by the
        # sales head), else any; sale_order_archive: an intact archive, else
        # any
        "change_request": odoo.search(
            "sale.order.change.request", [("state", "=", "applied")]
        )
        or odoo.search("sale.order.change.request", []),
        "archive": odoo.search("sale.order.archive", [("integrity", "=", "intact")])
        or odoo.search("sale.order.archive", []),
    }
    result = [
        {
            "name": "sale_order_intake",
            "path": found["order"] and f"/action-sale.action_orders/{found['order']}",
            "tab": "Intake",
            "title": "Sale order with its Intake tab",
        },
        {
            "name": "intake_queue",
            "path": "/action-sale_order_intake.sale_order_intake_action",
            "title": "Intake queue (kanban by stage)",
        },
        {
            "name": "transfer_slips",
            "path": f"/action-{found['slip_action']}?view_type=list",
            "title": "All transfer slips",
        },
        {
            "name": "review_form",
            "path": found["review"]
            and f"/action-sale_order_review.sale_order_review_action/{found['review']}",
            "title": "Order review form",
        },
        {
            "name": "engineering_plan",
            "path": found["plan"]
            and "/action-sale_engineering_plan.sale_engineering_plan_action/"
            + str(found["plan"]),
            "click": ".o_info_btn",  # unfold the tier validation table
            "title": "Product plan with its approvals",
        },
        {
            "name": "complaint",
            "path": found["complaint"]
            and "/action-sale_customer_care.sale_customer_complaint_action/"
            + str(found["complaint"]),
            "tab": "8D",
            "title": "Complaint, 8D tab",
        },
        {
            "name": "cycle_times",
            "path": "/action-order_handling_base.order_handling_stage_log_action"
            "?view_type=pivot",
            # the number of stays next to the hours: the demo's history is
            # made in one run, its stays last minutes
            "click": ".o_action_manager button.btn-primary.dropdown-toggle",
            "measure": "Count",
            "title": "Cycle times (stage log pivot)",
        },
        {
            "name": "customer_care_kpis",
            "path": "/action-sale_customer_care.sale_customer_care_kpi_action",
            "xmlid": "sale_customer_care.sale_customer_care_kpi_action",
            "title": "Customer-care KPIs",
        },
        {
            "name": "dashboard",
            # the board.board form action of order_handling_dashboard's
            # menu Order Handling › Reporting › Dashboard
            "path": f"/action-{DASHBOARD_ACTION}",
            "xmlid": DASHBOARD_ACTION,
            "title": "Manager dashboard (order_handling_dashboard)",
        },
        {
            "name": "overdue_work",
            "path": f"/action-{OVERDUE_ACTION}?view_type=kanban",
            "xmlid": OVERDUE_ACTION,
            "title": "Overdue work per department (kanban)",
        },
        {
            "name": "change_request",
            "path": found["change_request"]
            and "/action-sale_order_governance.sale_order_change_request_action/"
            + str(found["change_request"]),
            "click": ".o_info_btn",  # unfold the tier validation table
            "title": "Change request with its approval",
        },
        {
            "name": "order_archive",
            "path": found["archive"]
            and "/action-sale_order_archive.sale_order_archive_action/"
            + str(found["archive"]),
            "tab": "Documents",
            "title": "Archive record of a done order",
        },
        {
            "name": "zh_CN_sale_order_intake",
            "path": found["order"] and f"/action-sale.action_orders/{found['order']}",
            "tab": "接单",
            "lang": "zh_CN",
            "title": "销售订单的接单页签",
        },
        {
            "name": "zh_CN_transfer_slips",
            "path": f"/action-{found['slip_action']}?view_type=list",
            "lang": "zh_CN",
            "title": "全部转交单",
        },
        {
            "name": "zh_CN_dashboard",
            "path": f"/action-{DASHBOARD_ACTION}",
            "xmlid": DASHBOARD_ACTION,
            "lang": "zh_CN",
            "title": "订单处理仪表板",
        },
    ]
    for screen in result:
        xmlid = screen.get("xmlid")
        if xmlid and not odoo.has_xmlid(xmlid):
            screen["path"] = None
    return result


def save_png(data, path):
    """Write the PNG; above MAX_BYTES, reduce it to a 256-colour palette
    with Pillow (installed with Odoo) when it is available."""
    if len(data) > MAX_BYTES:
        try:
            import io

            from PIL import Image

            image = Image.open(io.BytesIO(data)).convert("RGB")
            buffer = io.BytesIO()
            image.quantize(colors=256).save(buffer, format="PNG", optimize=True)
            data = buffer.getvalue()
        except ImportError:
            pass
    with open(path, "wb") as file:
        file.write(data)
    return len(data)


def take(chrome, odoo, screen, out_dir):
    chrome.send("Page.navigate", url=f"{odoo.url}/odoo{screen['path']}")
    time.sleep(0.5)
    if not chrome.wait_for(READY):
        print(f"  {screen['name']}: the view did not load, skipped")
        return None
    if chrome.evaluate("!!document.querySelector('.o_login_auth, form.oe_login_form')"):
        raise SystemExit("The browser shows the login page: the session was refused.")
    chrome.evaluate(HIDE_NOTIFICATIONS)
    if screen.get("tab"):
        chrome.evaluate(click_tab(screen["tab"]))
    if screen.get("click"):
        chrome.evaluate(click(screen["click"]))
    if screen.get("measure"):
        time.sleep(0.5)
        chrome.evaluate(pick_measure(screen["measure"]))
        time.sleep(0.5)
        chrome.evaluate(click(screen["click"]))  # close the dropdown again
    time.sleep(1.5)  # charts, avatars, chatter
    chrome.wait_for(READY, timeout=10)
    data = base64.b64decode(chrome.send("Page.captureScreenshot", format="png")["data"])
    path = os.path.join(out_dir, f"{screen['name']}.png")
    size = save_png(data, path)
    print(f"  {os.path.relpath(path, ROOT)}: {size // 1024} KB — {screen['title']}")
    return path


def set_lang(odoo, lang):
    previous = odoo.call("res.users", "read", [odoo.uid], ["lang"])[0]["lang"]
    if lang and lang != previous:
        odoo.call("res.users", "write", [odoo.uid], {"lang": lang})
    return previous


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
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "screenshots"))
    parser.add_argument(
        "--chromium", default=shutil.which("chromium") or "/usr/bin/chromium"
    )
    parser.add_argument("--only", action="append", help="take only these screens")
    args = parser.parse_args(argv)

    odoo = Odoo(args.url, args.db, args.login, args.password)
    os.makedirs(args.out, exist_ok=True)
    todo = [s for s in screens(odoo) if not args.only or s["name"] in args.only]
    original_lang = set_lang(odoo, None)
    chrome = Chrome(args.chromium)
    taken = []
    try:
        host = urllib.parse.urlparse(odoo.url).hostname
        chrome.send(
            "Network.setCookie",
            name="session_id",
            value=odoo.session_id,
            domain=host,
            path="/",
        )
        for lang in sorted({s.get("lang") or "" for s in todo}):
            set_lang(odoo, lang or original_lang)
            for screen in todo:
                if (screen.get("lang") or "") != lang:
                    continue
                if not screen["path"]:
                    print(
                        f"  {screen['name']}: nothing to show in this database, skipped"
                    )
                    continue
                path = take(chrome, odoo, screen, args.out)
                if path:
                    taken.append(path)
    finally:
        set_lang(odoo, original_lang)
        chrome.close()
    print(f"{len(taken)} screenshot(s) in {os.path.relpath(args.out, ROOT)}/")
    return 0 if taken else 1


if __name__ == "__main__":
    sys.exit(main())
