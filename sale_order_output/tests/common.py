# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import Form

from odoo.addons.sale_order_intake.tests.common import IntakeCommon


class OutputCommon(IntakeCommon):
    """Intake's roles plus a second warehouse lead, a storable product with
    stock and helpers to confirm orders and record output (R5.7)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["warehouse2"] = cls._new_user(
            "oh_warehouse2", "order_handling_base.group_warehouse_lead"
        )
        # confirmation without intake: these tests are about what follows
        cls.company.intake_required = False
        cls.film = cls.env["product.product"].create(
            {
                "name": "PE film 0.05 mm",
                "default_code": "PE-05",
                "type": "consu",
                "is_storable": True,
                "list_price": 12.0,
            }
        )
        cls.bag = cls.env["product.product"].create(
            {
                "name": "Printed bag 30x40",
                "default_code": "BAG-3040",
                "type": "consu",
                "is_storable": True,
                "list_price": 0.5,
            }
        )
        cls.driver = cls.env["res.partner"].create({"name": "Wang the driver"})

    @classmethod
    def _stock(cls, product, qty):
        cls.env["stock.quant"]._update_available_quantity(
            product, cls.stock_location, qty
        )

    @classmethod
    def _confirmed_order(cls, lines=None, **vals):
        order = cls._new_order(lines=lines or [(cls.film, 100)], **vals)
        order.action_confirm()
        return order

    def _sheet(self, lines, user="clerk", record=True):
        """A daily output sheet of ``lines`` [(order line, qty, weight)]."""
        sheet = (
            self.env["sale.order.output.sheet"]
            .with_user(self.users[user])
            .create(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "order_line_id": line.id,
                                "quantity": qty,
                                "weight": weight,
                            }
                        )
                        for line, qty, weight in lines
                    ]
                }
            )
        )
        if record:
            sheet.action_done()
        return sheet

    def _validate(self, picking, user="warehouse"):
        """Validate as ``user``; a partial delivery leaves a backorder."""
        result = picking.with_user(self.users[user]).button_validate()
        if isinstance(result, dict) and result.get("res_model"):
            wizard = Form(
                self.env[result["res_model"]]
                .with_user(self.users[user])
                .with_context(**result["context"])
            ).save()
            wizard.process()
        return result

    def _delivery(self, order):
        return order.picking_ids.filtered(
            lambda p: (
                p.picking_type_code == "outgoing" and p.state not in ("done", "cancel")
            )
        )
