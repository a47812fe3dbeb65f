# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The JSON-RPC examples of docs/examples/jsonrpc_examples.py, run against
the test server so that the integrator guide cannot drift from the code.

The script is loaded from the repository's docs/ (two folders above the
addon); the test is skipped when the addon is installed without them."""

import importlib.util
import os
import re

from odoo import Command
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged

SCRIPT_PATH = os.path.normpath(
    os.path.join(
        os.path.dirname(__file__), "..", "..", "docs", "examples", "jsonrpc_examples.py"
    )
)

GUIDE_PATH = os.path.normpath(
    os.path.join(os.path.dirname(__file__), "..", "..", "docs", "integrator-guide.md")
)
QUOTE = re.compile(r"<!-- quote: (\w+) -->\n```python\n(.*?)```", re.S)

ROLES = {
    "sales": "group_salesperson",
    "saleshead": "group_sales_head",
    "clerk": "group_logistics_clerk",
    "engineering": "group_engineering_supervisor",
    "quality": "group_quality",
    "warehouse": "group_warehouse_lead",
    "manager": "group_manager",
}


def load_examples():
    spec = importlib.util.spec_from_file_location("jsonrpc_examples", SCRIPT_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestJsonRpcExamples(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        company = cls.env.company
        # logins of their own: a database with demo data has users "sales" …
        cls.logins = {role: f"rpc_ex_{role}" for role in ROLES}
        cls.users = {
            role: new_test_user(
                cls.env,
                cls.logins[role],
                groups=f"order_handling_base.{group}",
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )
            for role, group in ROLES.items()
        }
        Department = cls.env["order.handling.department"]
        for code, role in [
            ("engineering", "engineering"),
            ("quality", "quality"),
            ("warehouse", "warehouse"),
            ("logistics", "clerk"),
        ]:
            Department._get_by_code(code, company).write(
                {
                    "manager_id": cls.users[role].id,
                    "member_ids": [Command.set(cls.users[role].ids)],
                }
            )
        # every order is important: the example's re-check step runs too
        company.write({"intake_required": True, "intake_important_amount": 1.0})
        cls.partner = cls.env["res.partner"].create(
            {"name": "RPC Example Customer", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Example valve EV-1",
                "default_code": "EV-1",
                "type": "consu",
                "list_price": 40.0,
            }
        )
        freight = cls.env["product.product"].create(
            {"name": "Example freight", "type": "service", "list_price": 0.0}
        )
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Example truck",
                "delivery_type": "fixed",
                "fixed_price": 0.0,
                "product_id": freight.id,
            }
        )

    def setUp(self):
        super().setUp()
        if not os.path.isfile(SCRIPT_PATH):
            self.skipTest(f"{SCRIPT_PATH} not found: installed without docs/")
        self.examples = load_examples()
        self.url = self.base_url()
        self.db = get_db_name()

    def test_main_flow(self):
        logged = []
        result = self.examples.main_flow(
            self.url,
            self.db,
            users=self.logins,
            admin=(self.logins["manager"], self.logins["manager"]),
            order_data={
                "partner_id": self.partner.id,
                "product_id": self.product.id,
                "carrier_id": self.carrier.id,
            },
            log=logged.append,
        )
        order = self.env["sale.order"].browse(result["order_id"])
        self.assertEqual(order.partner_id, self.partner)
        self.assertEqual(order.user_id, self.users["sales"])
        # the first check found the missing sign-off, and counted the return
        self.assertIn(
            self.env.ref("sale_order_intake.intake_rule_signoff").id,
            [issue["rule_id"][0] for issue in result["issues"]],
        )
        self.assertEqual(order.intake_return_count, 1)
        self.assertEqual(order.sales_signoff_uid, self.users["saleshead"])
        self.assertEqual(order.intake_recheck_uid, self.users["saleshead"])
        # a never-shipped product: non-regular, transferred to engineering
        self.assertEqual(order.intake_stage, "accepted")
        self.assertEqual(order.intake_class, "non_regular")
        slip = order.transfer_slip_ids
        self.assertEqual(slip.department_id.code, "engineering")
        self.assertEqual(slip.state, "acknowledged")
        self.assertEqual(slip.acknowledged_uid, self.users["engineering"])
        self.assertEqual([s["id"] for s in result["slips"]], slip.ids)
        # the stage log read over RPC is the order's real history
        self.assertEqual(
            [entry["stage"] for entry in result["stage_log"]],
            ["draft", "submitted", "returned", "submitted", "checked", "accepted"],
        )
        stages = {row["stage"]: row for row in result["cycle_times"]}
        self.assertGreaterEqual(stages["submitted"]["count"], 2)
        self.assertIn("accepted", stages)
        self.assertIsInstance(result["customer_care_kpis"], list)
        self.assertTrue(any("acknowledged" in line for line in logged))

    def test_refusals_reach_the_client(self):
        """A refused action comes back as RPCError with the server's
        sentence, and nothing is written."""
        examples = self.examples
        sales = examples.connect(self.url, self.db, self.logins["sales"])
        order_id = examples.create_quotation(
            sales, self.partner.id, self.product.id, self.carrier.id
        )
        examples.submit_to_intake(sales, order_id)
        with self.assertRaises(examples.RPCError) as caught:
            examples.accept_and_transfer(sales, order_id)
        self.assertIn("Logistics Clerk", caught.exception.message)
        quality = examples.connect(self.url, self.db, self.logins["quality"])
        with self.assertRaises(examples.RPCError):
            examples.run_intake_check(quality, order_id)
        self.assertEqual(
            self.env["sale.order"].browse(order_id).intake_stage, "submitted"
        )
        with self.assertRaises(examples.RPCError) as caught:
            examples.connect(self.url, self.db, self.logins["sales"], "wrong")
        self.assertIn("refused", caught.exception.message)

    def test_guide_quotes_the_script(self):
        """Every block of docs/integrator-guide.md marked ``<!-- quote: x
        -->`` is the script's region ``# --- [x]`` as it is now."""
        if not os.path.isfile(GUIDE_PATH):
            self.skipTest(f"{GUIDE_PATH} not found")
        with open(GUIDE_PATH, encoding="utf-8") as guide:
            quotes = QUOTE.findall(guide.read())
        with open(SCRIPT_PATH, encoding="utf-8") as script:
            source = script.read()
        self.assertGreaterEqual(len(quotes), 5)
        for name, code in quotes:
            region = re.search(
                rf"^# --- \[{name}\] -+\n(.*?)^# --- \[/{name}\] -+$",
                source,
                re.S | re.M,
            )
            self.assertTrue(region, f"no region [{name}] in the script")
            self.assertEqual(
                code.strip("\n"),
                region.group(1).strip("\n"),
                f"docs/integrator-guide.md quotes an old version of [{name}]",
            )
