# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.sale_order_intake.tests.common import IntakeCommon


class FollowupCommon(IntakeCommon):
    """The plastic-bag case of the regulations (跟单员岗位职责, 胶袋部) as test
    data: three workshops with their people, a route for printed bags
    (blown film → printing → bag making) and one for blank bags of bought
    film (buy-in → bag making), the follow-up switched on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["order.handling.department"]
        for role in ("film", "print", "bag", "logistics_head"):
            cls.users[role] = new_test_user(
                cls.env,
                f"oh_fu_{role}",
                groups="order_handling_base.group_logistics_clerk"
                if role == "logistics_head"
                else "order_handling_base.group_user",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
        cls.departments["logistics"].write(
            {
                "manager_id": cls.users["logistics_head"].id,
                "member_ids": [Command.set(cls.users["clerk"].ids)],
            }
        )
        cls.film, cls.printing, cls.bag_making = Department.create(
            [
                {
                    "name": name,
                    "code": code,
                    "is_workshop": True,
                    "company_id": cls.company.id,
                    "member_ids": [Command.set(cls.users[role].ids)],
                }
                for name, code, role in [
                    ("Blown Film", "t_blown_film", "film"),
                    ("Printing", "t_printing", "print"),
                    ("Bag Making", "t_bag_making", "bag"),
                ]
            ]
        )
        Category = cls.env["product.category"]
        cls.categ_bags = Category.create({"name": "Plastic bags"})
        cls.categ_printed = Category.create(
            {"name": "Printed bags", "parent_id": cls.categ_bags.id}
        )
        cls.categ_blank = Category.create(
            {"name": "Blank bags", "parent_id": cls.categ_bags.id}
        )
        Route = cls.env["sale.followup.route"]
        cls.route_printed = Route.create(
            {
                "name": "Printed bags",
                "categ_id": cls.categ_printed.id,
                "step_ids": [
                    Command.create(
                        {
                            "sequence": 10,
                            "name": "Blown film",
                            "department_id": cls.film.id,
                            "duration_days": 2,
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 20,
                            "name": "Printing",
                            "department_id": cls.printing.id,
                            "instruction": "Printing instruction: plate of the order",
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 30,
                            "name": "Bag making",
                            "department_id": cls.bag_making.id,
                            "duration_days": 2,
                        }
                    ),
                ],
            }
        )
        cls.route_blank = Route.create(
            {
                "name": "Blank bags of bought film",
                "categ_id": cls.categ_blank.id,
                "step_ids": [
                    Command.create(
                        {
                            "sequence": 10,
                            "name": "Film bought in",
                            "kind": "buy_in",
                            "duration_days": 3,
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 20,
                            "name": "Bag making",
                            "department_id": cls.bag_making.id,
                        }
                    ),
                ],
            }
        )
        Product = cls.env["product.product"]
        cls.printed_bag = Product.create(
            {
                "name": "Printed LD bag 30x45",
                "default_code": "PB-3045",
                "type": "consu",
                "categ_id": cls.categ_printed.id,
                "list_price": 0.12,
            }
        )
        cls.blank_bag = Product.create(
            {
                "name": "Blank HD bag 25x35",
                "default_code": "BB-2535",
                "type": "consu",
                "categ_id": cls.categ_blank.id,
                "list_price": 0.05,
            }
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {"name": "Li Buyer", "parent_id": cls.partner.id}
        )
        cls.company.followup_enabled = True

    @classmethod
    def _accepted_order(cls, lines=None, **vals):
        """An order entered by sales, checked and accepted by the clerk."""
        order = cls._submit(
            cls._new_order(lines=lines or [(cls.printed_bag, 5000)], **vals)
        )
        clerk = order.with_user(cls.users["clerk"])
        clerk.action_intake_check()
        clerk.action_intake_accept()
        return order

    @classmethod
    def _fill(cls, specs, **vals):
        """What the clerk records with the customer, as the clerk."""
        values = {
            "material_form": "Tube film, LD, 0.04 mm",
            "colour": "White",
            "print_content": "ACME logo",
            "print_colours": "Red, blue",
            "print_position": "Front, centred",
            "plate_type": "gravure",
            "plate_ready": True,
            "confirmed_partner_id": cls.customer_contact.id,
            "confirmed_date": fields.Date.today(),
            "confirmation_method": "sample",
        }
        values.update(vals)
        specs.with_user(cls.users["clerk"]).write(values)
        return specs

    def _notices(self, order):
        return order.followup_notice_ids.sorted(lambda n: (n.route_id.id, n.step_index))
