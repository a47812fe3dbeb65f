# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.order_handling_base.tests.common import OrderHandlingCommon


class ConsultationCommon(OrderHandlingCommon):
    """Topics concerning the quality department (its responsible user and
    one member) and the engineering department (its responsible user and the
    process engineer), one concerning nobody; the salesperson's customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.users["service"]
        cls.manager = cls.users["manager"]
        cls.sales = cls.users["sales"]
        cls.departments["customer_service"].manager_id = cls.service
        cls.partner.user_id = cls.sales
        cls.other_partner = cls.env["res.partner"].create({"name": "Other Corp"})
        Topic = cls.env["sale.customer.consultation.topic"]
        cls.topic_quality = Topic.create(
            {
                "name": "Product quality",
                "sequence": 1,
                "department_ids": [Command.set(cls.departments["quality"].ids)],
            }
        )
        cls.topic_technical = Topic.create(
            {
                "name": "Technical use",
                "sequence": 2,
                "department_ids": [
                    Command.set(
                        (
                            cls.departments["engineering"] | cls.departments["quality"]
                        ).ids
                    )
                ],
            }
        )
        cls.topic_engineering = Topic.create(
            {
                "name": "Custom designs",
                "sequence": 3,
                "department_ids": [Command.set(cls.departments["engineering"].ids)],
            }
        )
        cls.topic_unrouted = Topic.create({"name": "Small talk", "sequence": 4})

    def _consult(self, user=None, **vals):
        values = {
            "partner_id": self.partner.id,
            "channel": "phone",
            "topic_id": self.topic_quality.id,
            "product_id": self.product.id,
            "question": "Does the pump take 80 °C oil?",
        }
        values.update(vals)
        return (
            self.env["sale.customer.consultation"]
            .with_user(user or self.service)
            .create(values)
        )

    def _answered(self, user=None, **vals):
        consultation = self._consult(user, **vals)
        consultation.answer = "Up to 90 °C with the Viton seal."
        consultation.action_answer()
        return consultation
