#!/usr/bin/env python3
# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Screenshots of the main screens of a running Odoo, for the docs.

Logs in over HTTP (``/web/session/authenticate``), starts a headless
Chromium and drives it with the Chrome DevTools Protocol over a websocket
(``websocket-client``, which Odoo's own browser tests use), then saves one
PNG per screen (1366x768 unless ``--size``) into ``docs/screenshots/``.

The records shown are found by searching (the latest order accepted at
intake, the latest product plan waiting for approval, the latest applied
change request, the latest order archive …): run it on a database where
orders went through the flow, e.g. ``make demo`` (the suite's demo scenario;
archive a done order with *Archive Order* for the archive screen). A screen
whose record or addon is missing is skipped with a message.

    python3 tools/screenshots.py --url http://127.0.0.1:8069 \\
        --db order_handling_demo --login admin --password admin

Chinese screens temporarily switch the user's language to zh_CN (it must be
installed) and switch it back afterwards. ``--lang zh_CN`` takes every
screen in that language; ``--as-roles`` logs in as the demo user of the role
that uses each screen (``order_handling_base/demo/res_users_demo.xml``: the
login is the password), falling back to ``--login`` where that user is
missing or the screen does not load for it:

    python3 tools/screenshots.py --lang zh_CN --as-roles --size 1366x768
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

WIDTH, HEIGHT = 1366, 768
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
APPROVALS_ACTION = "order_handling_base.tier_review_action_to_approve"
NOTICE_ACTION = "sale_order_followup.sale_followup_notice_action"
OUTPUT_ACTION = "sale_order_output.sale_order_output_sheet_action"
CONSULTATION_ACTION = "sale_customer_consultation.sale_customer_consultation_action"
VIOLATION_ACTION = "sale_order_violation.sale_order_violation_action"
SCALE_ACTION = "sale_target_incentive.sale_target_incentive_scale_action"
OVERDUE_ACTION = "order_handling_dashboard.order_handling_overdue_report_action"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Odoo:
    """A logged-in HTTP session (cookie jar) for the JSON routes."""

    def __init__(self, url, db, login, password, soft=False):
        self.url = url.rstrip("/")
        self.login = login
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )
        self._ids = itertools.count(1)
        try:
            info = self.json(
                "/web/session/authenticate",
                {"db": db, "login": login, "password": password},
            )
        except RuntimeError:
            info = {}
        if not info.get("uid"):
            if soft:
                self.uid = None
                return
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

    def __init__(self, binary, width=WIDTH, height=HEIGHT):
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
                f"--window-size={width},{height}",
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
            width=width,
            height=height,
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
    """Click the notebook page labelled ``label`` (or one of a list: the
    English and the translated label)."""
    labels = [label] if isinstance(label, str) else list(label)
    return (
        "(() => { const tab = [...document.querySelectorAll('.o_notebook .nav-link')]"
        f".find(a => {json.dumps(labels)}.includes(a.textContent.trim()));"
        " if (tab) { tab.click(); return true; } return false; })()"
    )


HIDE_NOTIFICATIONS = (
    "(() => { const style = document.createElement('style');"
    " style.textContent = '.o_notification_manager { display: none !important; }';"
    " document.head.appendChild(style); return true; })()"
)


def pick_measure(label):
    """Open the pivot's *Measures* dropdown and tick ``label`` (or one of a
    list of labels)."""
    labels = [label] if isinstance(label, str) else list(label)
    return (
        "(() => { const item = [...document.querySelectorAll("
        "'.o-dropdown-item, .dropdown-item')]"
        f".find(a => {json.dumps(labels)}.includes(a.textContent.trim()));"
        " if (item) { item.click(); return true; } return false; })()"
    )


def click(selector):
    return (
        f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
        " if (el) { el.click(); return true; } return false; })()"
    )


def scroll_to(selector):
    return (
        f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
        " if (el) { el.scrollIntoView({block: 'center'}); return true; }"
        " return false; })()"
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
    # sale_order_urgent: an urgent order whose feasibility was assessed
    found["urgent"] = odoo.search(
        "sale.order",
        [("intake_urgent", "=", True), ("urgency_decision", "!=", False)],
    )
    found["output_sheet"] = odoo.search("sale.order.output.sheet", [])
    # "role": the login of the demo user of the role that uses the screen
    # (--as-roles); "tab" and "measure" also accept the zh_CN label
    result = [
        {
            "name": "sale_order_intake",
            "path": found["order"] and f"/action-sale.action_orders/{found['order']}",
            "tab": ["Intake", "接单"],
            "role": "clerk",
            "title": "Sale order with its Intake tab",
        },
        {
            "name": "intake_queue",
            "path": "/action-sale_order_intake.sale_order_intake_action",
            "role": "clerk",
            "title": "Intake queue (kanban by stage)",
        },
        {
            "name": "transfer_slips",
            "path": f"/action-{found['slip_action']}?view_type=list",
            "role": "clerk",
            "title": "All transfer slips",
        },
        {
            "name": "review_form",
            "path": found["review"]
            and f"/action-sale_order_review.sale_order_review_action/{found['review']}",
            "role": "workshop",  # the reviewing department of the demo's review
            "title": "Order review form",
        },
        {
            "name": "engineering_plan",
            "path": found["plan"]
            and "/action-sale_engineering_plan.sale_engineering_plan_action/"
            + str(found["plan"]),
            "click": ".o_info_btn",  # unfold the tier validation table
            "scroll": TIER_TABLE,
            "role": "engineering",
            "title": "Product plan with its approvals",
        },
        {
            "name": "complaint",
            "path": found["complaint"]
            and "/action-sale_customer_care.sale_customer_complaint_action/"
            + str(found["complaint"]),
            "tab": "8D",
            "role": "service",
            "title": "Complaint, 8D tab",
        },
        {
            "name": "cycle_times",
            "path": "/action-order_handling_base.order_handling_stage_log_action"
            "?view_type=pivot",
            # the number of stays next to the hours: the demo's history is
            # made in one run, its stays last minutes
            "click": ".o_action_manager button.btn-primary.dropdown-toggle",
            "measure": ["Count", "计数", "数量"],
            "title": "Cycle times (stage log pivot)",
        },
        {
            "name": "customer_care_kpis",
            "path": "/action-sale_customer_care.sale_customer_care_kpi_action",
            "xmlid": "sale_customer_care.sale_customer_care_kpi_action",
            "role": "service",
            "title": "Customer-care KPIs",
        },
        {
            "name": "dashboard",
            # the board.board form action of order_handling_dashboard's
            # menu Order Handling › Reporting › Dashboard: the tiles row,
            # then the charts
            "path": f"/action-{DASHBOARD_ACTION}",
            "xmlid": DASHBOARD_ACTION,
            "title": "Manager dashboard with its tiles (order_handling_dashboard)",
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
            "scroll": TIER_TABLE,
            "role": "saleshead",
            "title": "Change request with its approval",
        },
        {
            "name": "order_archive",
            "path": found["archive"]
            and "/action-sale_order_archive.sale_order_archive_action/"
            + str(found["archive"]),
            "tab": ["Documents", "文件"],
            "title": "Archive record of a done order",
        },
        {
            "name": "urgent_assessment",
            "path": found["urgent"] and f"/action-sale.action_orders/{found['urgent']}",
            "tab": ["Intake", "接单"],
            "scroll": ".o_field_widget[name='urgency_assessment']",
            "role": "clerk",
            "title": "Urgent order: its feasibility assessment (sale_order_urgent)",
        },
        {
            "name": "production_notices",
            "path": f"/action-{NOTICE_ACTION}",
            "xmlid": NOTICE_ACTION,
            "role": "workshop",
            "title": "Production notices (sale_order_followup)",
        },
        {
            "name": "output_sheet",
            # the latest sheet, else the (empty) list
            "path": f"/action-{OUTPUT_ACTION}"
            + (f"/{found['output_sheet']}" if found["output_sheet"] else ""),
            "xmlid": OUTPUT_ACTION,
            "role": "clerk",  # the follow-up clerk records the output
            "title": "Daily output sheet (sale_order_output)",
        },
        {
            "name": "consultations",
            "path": f"/action-{CONSULTATION_ACTION}",
            "xmlid": CONSULTATION_ACTION,
            "role": "service",
            "title": "Customer consultations (sale_customer_consultation)",
        },
        {
            "name": "violations",
            "path": f"/action-{VIOLATION_ACTION}",
            "xmlid": VIOLATION_ACTION,
            "title": "Violations register (sale_order_violation)",
        },
        {
            "name": "incentive_scales",
            "path": f"/action-{SCALE_ACTION}",
            "xmlid": SCALE_ACTION,
            "role": "saleshead",
            "title": "Incentive scales (sale_target_incentive)",
        },
        {
            "name": "approvals_inbox",
            "path": f"/action-{APPROVALS_ACTION}",
            "xmlid": APPROVALS_ACTION,
            "role": "gm",
            "title": "Approvals to do (待我审批)",
        },
        {
            "name": "zh_CN_sale_order_intake",
            "path": found["order"] and f"/action-sale.action_orders/{found['order']}",
            "tab": "接单",
            "lang": "zh_CN",
            "role": "clerk",
            "title": "销售订单的接单页签",
        },
        {
            "name": "zh_CN_transfer_slips",
            "path": f"/action-{found['slip_action']}?view_type=list",
            "lang": "zh_CN",
            "role": "clerk",
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


TIER_TABLE = ".o_field_widget[name='review_ids']"
ERROR_DIALOG = ".o_error_dialog, .o_dialog_error"


def take(chrome, odoo, screen, out_dir):
    chrome.send("Page.navigate", url=f"{odoo.url}/odoo{screen['path']}")
    time.sleep(0.5)
    loaded = chrome.wait_for(
        f"({READY}) || document.querySelector({json.dumps(ERROR_DIALOG)})"
    )
    if chrome.evaluate("!!document.querySelector('.o_login_auth, form.oe_login_form')"):
        raise SystemExit("The browser shows the login page: the session was refused.")
    if not loaded or chrome.evaluate(
        f"!!document.querySelector({json.dumps(ERROR_DIALOG)})"
    ):
        print(f"  {screen['name']}: the view did not load as {odoo.login}, skipped")
        return None
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
    if screen.get("scroll"):
        time.sleep(0.3)
        chrome.evaluate(scroll_to(screen["scroll"]))
    time.sleep(1.5)  # charts, avatars, chatter
    chrome.wait_for(READY, timeout=10)
    data = base64.b64decode(chrome.send("Page.captureScreenshot", format="png")["data"])
    path = os.path.join(out_dir, f"{screen['name']}.png")
    size = save_png(data, path)
    print(
        f"  {os.path.relpath(path, ROOT)}: {size // 1024} KB — {screen['title']}"
        f" (as {odoo.login}{', ' + screen['lang'] if screen.get('lang') else ''})"
    )
    return path


def set_lang(odoo, lang):
    previous = odoo.call("res.users", "read", [odoo.uid], ["lang"])[0]["lang"]
    if lang and lang != previous:
        odoo.call("res.users", "write", [odoo.uid], {"lang": lang})
    return previous


def take_as(chrome, odoo, batch, lang, out_dir):
    """Take ``batch`` logged in as ``odoo``'s user, in ``lang`` (its own
    language when empty; switched back afterwards). Returns the paths taken
    and the screens that did not load."""
    host = urllib.parse.urlparse(odoo.url).hostname
    chrome.send(
        "Network.setCookie",
        name="session_id",
        value=odoo.session_id,
        domain=host,
        path="/",
    )
    taken, failed = [], []
    original_lang = set_lang(odoo, None)
    try:
        set_lang(odoo, lang or original_lang)
        for screen in batch:
            path = take(chrome, odoo, screen, out_dir)
            if path:
                taken.append(path)
            else:
                failed.append(screen)
    finally:
        set_lang(odoo, original_lang)
    return taken, failed


def parse_size(text):
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT") from error
    return width, height


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
    parser.add_argument(
        "--size",
        type=parse_size,
        default=parse_size(os.environ.get("ODOO_SCREEN_SIZE", f"{WIDTH}x{HEIGHT}")),
        help=f"window size WIDTHxHEIGHT (default {WIDTH}x{HEIGHT})",
    )
    parser.add_argument(
        "--lang",
        default=os.environ.get("ODOO_SCREEN_LANG") or None,
        help="take every screen in this language (e.g. zh_CN), switching each "
        "user's language and back; the zh_CN_* duplicates are then left out",
    )
    parser.add_argument(
        "--as-roles",
        action="store_true",
        default=bool(os.environ.get("ODOO_SCREEN_AS_ROLES")),
        help="log in as the demo user of the role that uses each screen "
        "(login = password), else as --login",
    )
    args = parser.parse_args(argv)

    odoo = Odoo(args.url, args.db, args.login, args.password)
    os.makedirs(args.out, exist_ok=True)
    todo = [s for s in screens(odoo) if not args.only or s["name"] in args.only]
    if args.lang:
        todo = [dict(s, lang=args.lang) for s in todo if not s.get("lang")]
    for screen in todo:
        if not screen["path"]:
            print(f"  {screen['name']}: nothing to show in this database, skipped")
    todo = [s for s in todo if s["path"]]
    batches = {}
    for screen in todo:
        login = screen.get("role") if args.as_roles else None
        batches.setdefault((login or args.login, screen.get("lang") or ""), []).append(
            screen
        )
    chrome = Chrome(args.chromium, *args.size)
    taken, retry = [], []
    try:
        for (login, lang), batch in sorted(batches.items(), key=lambda b: b[0][1]):
            user = odoo
            if login != args.login:
                user = Odoo(args.url, args.db, login, login, soft=True)
                if not user.uid:
                    print(f"  no demo user {login!r}: as {args.login} instead")
                    retry.extend(batch)
                    continue
            done, failed = take_as(chrome, user, batch, lang, args.out)
            taken += done
            if user is not odoo:
                retry.extend(failed)
        for lang in sorted({s.get("lang") or "" for s in retry}):
            batch = [s for s in retry if (s.get("lang") or "") == lang]
            taken += take_as(chrome, odoo, batch, lang, args.out)[0]
    finally:
        chrome.close()
    print(f"{len(taken)} screenshot(s) in {os.path.relpath(args.out, ROOT)}/")
    return 0 if taken else 1


if __name__ == "__main__":
    sys.exit(main())
