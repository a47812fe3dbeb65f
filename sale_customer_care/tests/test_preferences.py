# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import Command
from odoo.tests import Form, tagged

from .common import CustomerCareCommon


@tagged("post_install", "-at_install")
class TestPreferences(CustomerCareCommon):
    """电商客服 四.3, R8.2: the customer's preferences of the archive are
    shown, read-only, where sales and customer service meet the customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Tag = cls.env["sale.customer.preference.tag"]
        cls.tags = Tag.create([{"name": "Oak pallets"}, {"name": "Call before 10"}])
        cls.partner.customer_preference_ids = [Command.set(cls.tags.ids)]
        cls.contact = cls.env["res.partner"].create(
            {"name": "Buyer at Acme", "parent_id": cls.partner.id}
        )

    def _field_node(self, model, user):
        arch = (
            self.env[model]
            .with_user(self.users[user])
            .get_view(view_type="form")["arch"]
        )
        nodes = etree.fromstring(arch).xpath("//field[@name='customer_preference_ids']")
        self.assertEqual(len(nodes), 1, f"{model}: preferences not on the form")
        return nodes[0]

    def test_quotation_form_shows_the_customer_preferences(self):
        node = self._field_node("sale.order", "sales")
        # tier validation adds its own condition to every field
        self.assertTrue(
            node.get("readonly").startswith("(1)") or node.get("readonly") == "1"
        )
        self.assertEqual(
            node.getprevious().get("name"), "partner_id", "next to the customer"
        )
        # a contact of the customer: the company's preferences
        form = Form(self.env["sale.order"].with_user(self.users["sales"]))
        form.partner_id = self.contact
        self.assertEqual(form.customer_preference_ids[:], self.tags)
        order = form.save()
        self.assertEqual(order.customer_preference_ids, self.tags)

    def test_visit_form_shows_the_customer_preferences(self):
        node = self._field_node("sale.customer.visit", "service")
        self.assertEqual(node.get("readonly"), "1")
        visit = (
            self.env["sale.customer.visit"]
            .with_user(self.service)
            .create(
                {"partner_id": self.contact.id, "order_id": self.delivered_order.id}
            )
        )
        self.assertEqual(visit.customer_preference_ids, self.tags)
        self.assertEqual(
            sorted(visit.customer_preference_ids.mapped("name")),
            ["Call before 10", "Oak pallets"],
        )
