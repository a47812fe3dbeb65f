# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon


class IntelCommon(OrderHandlingCommon):
    """The base roles, a second salesperson, a sales team led by the sales
    head with the salesperson in it, and helpers to file, submit and
    evaluate reports as the real roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # these tests confirm orders directly; with sale_order_intake
        # installed, confirmation otherwise waits for the intake process
        if "intake_required" in cls.company._fields:
            cls.company.intake_required = False
        cls.users["sales2"] = cls._new_user(
            "oh_sales2", "order_handling_base.group_salesperson"
        )
        cls.team = cls._new_sales_team("Team East")
        cls.company.write(
            {
                "intel_info_fee_amount": 200.0,
                "intel_reward_rate": 2.0,
                "intel_reward_max_amount": 0.0,
            }
        )
        cls.channel = cls.env.ref("sale_order_intel.sale_intel_channel_visit")

    @classmethod
    def _report(cls, role="sales", **vals):
        values = {
            "title": "Acme plans a new pump line",
            "intel_type": "order_lead",
            "partner_id": cls.partner.id,
            "region": "East China",
            "channel_id": cls.channel.id,
            "expected_amount": 50000.0,
            "content": "<p>Acme will buy 200 pumps in Q3.</p>",
        }
        values.update(vals)
        return cls.env["sale.intel.report"].with_user(cls.users[role]).create(values)

    @classmethod
    def _evaluated(cls, valuable=True, role="sales", **vals):
        report = cls._report(role=role, **vals)
        report.action_submit()
        as_marketing = report.with_user(cls.users["marketing"])
        as_marketing.write({"grade": "a" if valuable else "d", "is_valuable": valuable})
        as_marketing.action_evaluate()
        return report

    @classmethod
    def _linked_order(cls, report, user="sales", price=10000.0):
        order = cls._create_order(cls.users[user])
        order.order_line.write(
            {"price_unit": price, "product_uom_qty": 1, "tax_id": [Command.clear()]}
        )
        order.intel_report_id = report
        return order

    def assertRefused(self, exception, regex):
        return self.assertRaisesMessage(exception, regex)
