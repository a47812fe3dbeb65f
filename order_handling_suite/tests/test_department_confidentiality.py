# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Confidentiality by separation (R7.4), tried as every department role.

The departments work from the order copy (``sale.order.copy``); they read
no order and no order line at all. Every path a client has to an order's
prices is tried as each department role on an order transferred to its
department: read, web_read, search, domains and groupings, export, writes,
domains through the related paths of every model the role may read (found
by introspection), reports, the mail composer with every template of
orders, the order's chatter and attachments, and (``TestPortalRoutes``) the
portal and report routes of a logged-in department user. Each must be
refused or answer nothing, and no answer may carry the order's amount.
"""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.sale_order_archive.tests.archive_common import ArchiveOrderCommon

DEPARTMENT_ROLES = {
    "quality": "quality",
    "warehouse": "warehouse",
    "workshop": "production",
    "engineering": "engineering",
    "process": "engineering",
    "purchasing": "purchasing",
    "office": "general_office",
}
#: a unit price no other figure of the order has: it must never come back
SECRET_PRICE = 987.65
SECRET_TEXT = "987.65"


class DepartmentConfidentialityCommon(ArchiveOrderCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code, role in (("purchasing", "purchasing"), ("general_office", "office")):
            cls.departments[code].manager_id = cls.users[role]
        cls.order = cls._confirmed_order(
            lines=[(cls.product, 5, SECRET_PRICE), (cls.product2, 3, 10.0)],
            transfer=sorted(set(DEPARTMENT_ROLES.values())),
        )
        attachment = cls.env["ir.attachment"].create(
            {
                "name": "quotation.txt",
                "raw": SECRET_TEXT.encode(),
                "res_model": "sale.order",
                "res_id": cls.order.id,
            }
        )
        cls.order.message_post(
            body=f"Quotation sent at {SECRET_TEXT} a piece",
            attachment_ids=attachment.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )


@tagged("post_install", "-at_install")
class TestDepartmentConfidentiality(DepartmentConfidentialityCommon):
    def _roles(self):
        return [(role, self.users[role]) for role in DEPARTMENT_ROLES]

    def test_no_order_and_no_line_is_readable(self):
        for __, user in self._roles():
            order = self.order.with_user(user)
            line = self.order.order_line.with_user(user)
            for records in (order, line):
                with self.assertRaises(AccessError):
                    records.read(["display_name"])
                with self.assertRaises(AccessError):
                    records.web_read({"display_name": {}})
                with self.assertRaises(AccessError):
                    records.export_data(["display_name"])
                Model = records.browse()
                self.assertFalse(Model.search([]))
                self.assertFalse(Model.search_read([], ["display_name"]))
            self.assertEqual(order.search_count([("amount_total", ">", 0)]), 0)
            groups = order.read_group([], ["amount_total:sum"], [])
            self.assertFalse(groups[0]["amount_total"] if groups else False)
            lines = line.read_group([], ["price_unit:max"], [])
            self.assertFalse(lines[0]["price_unit"] if lines else False)

    def test_no_order_is_writable(self):
        for __, user in self._roles():
            with self.assertRaises(AccessError):
                self.order.with_user(user).write({"client_order_ref": "mine"})
            with self.assertRaises(AccessError):
                self.order.order_line[:1].with_user(user).write({"product_uom_qty": 1})
        self.assertFalse(self.order.client_order_ref)
        self.assertEqual(self.order.order_line[:1].product_uom_qty, 5)

    def test_related_paths_reveal_nothing(self):
        """Every model a department role may read with a many2one to orders
        or order lines: a domain on the price through that field finds
        nothing (or is refused)."""
        paths = []
        for model_name in self.env.registry:
            Model = self.env[model_name]
            if Model._abstract or not Model._auto:
                continue
            for name, field in Model._fields.items():
                if (
                    field.type == "many2one"
                    and field.store
                    and field.comodel_name in ("sale.order", "sale.order.line")
                ):
                    price = (
                        "amount_total"
                        if field.comodel_name == "sale.order"
                        else "price_unit"
                    )
                    paths.append((model_name, f"{name}.{price}"))
        self.assertIn(("stock.move", "sale_line_id.price_unit"), paths)
        self.assertIn(("sale.order.review", "order_id.amount_total"), paths)
        tried = 0
        for __, user in self._roles():
            for model_name, path in paths:
                Model = self.env[model_name].with_user(user)
                if not Model.has_access("read"):
                    continue
                tried += 1
                try:
                    found = Model.search_count([(path, "=", SECRET_PRICE)])
                except AccessError:
                    continue
                self.assertEqual(found, 0, f"{model_name} {path}")
        self.assertGreater(tried, 20)

    def test_order_copy_carries_no_price(self):
        for model_name in ("sale.order.copy", "sale.order.copy.line"):
            Model = self.env[model_name]
            monetary = [f for f in Model._fields.values() if f.type == "monetary"]
            self.assertFalse(monetary)
            for name in ("price_unit", "amount_total", "access_token", "signature"):
                self.assertNotIn(name, Model._fields)
        for __, user in self._roles():
            copy = self.env["sale.order.copy"].with_user(user).browse(self.order.id)
            values = copy.web_read(
                {
                    "name": {},
                    "partner_id": {"fields": {"display_name": {}}},
                    "line_ids": {"fields": {"product_uom_qty": {}, "name": {}}},
                }
            )[0]
            self.assertEqual(values["name"], self.order.name)
            self.assertEqual(
                sorted(line["product_uom_qty"] for line in values["line_ids"]),
                [3.0, 5.0],
            )
            self.assertNotIn(SECRET_TEXT, str(values))

    def test_copy_follows_the_slips(self):
        """A department reads the copy while its slip is open; a cancelled
        slip closes it; a department never given the order reads nothing."""
        copy = self.env["sale.order.copy"].browse(self.order.id)
        slip = self.order.transfer_slip_ids.filtered(
            lambda s: s.department_id == self.departments["purchasing"]
        )
        self.assertTrue(copy.with_user(self.users["purchasing"]).has_access("read"))
        slip.action_cancel(reason="sent by mistake")
        self.env.invalidate_all()
        self.assertFalse(copy.with_user(self.users["purchasing"]).has_access("read"))
        other = self._confirmed_order(transfer=("warehouse",))
        other_copy = self.env["sale.order.copy"].browse(other.id)
        self.assertFalse(other_copy.with_user(self.users["quality"]).has_access("read"))
        self.assertTrue(
            other_copy.with_user(self.users["warehouse"]).has_access("read")
        )
        # the slip shows the copy to its department, nothing to the others
        warehouse_slip = other.transfer_slip_ids.with_user(self.users["warehouse"])
        self.assertEqual(warehouse_slip.order_copy_id.id, other.id)
        self.assertEqual(len(warehouse_slip.order_copy_line_ids), 2)

    def test_reports(self):
        for __, user in self._roles():
            Report = self.env["ir.actions.report"].with_user(user)
            with self.assertRaises(AccessError):
                Report._render_qweb_pdf("sale.action_report_saleorder", self.order.ids)
            for report in (
                "sale_order_intake.action_report_production_notice_copy",
                "sale_order_archive.action_report_sale_order_no_price",
            ):
                html, __ = Report._render_qweb_html(report, self.order.ids)
                self.assertIn(self.order.name, html.decode())
                self.assertNotIn(SECRET_TEXT, html.decode())

    def test_composer_with_every_order_template(self):
        """The composer renders no order template for a department: refused
        (Odoo wraps the refused read of the order in its rendering error),
        and no figure of the order in the refusal."""
        templates = self.env["mail.template"].search([("model", "=", "sale.order")])
        self.assertTrue(templates)
        for __, user in self._roles():
            for template in templates:
                Composer = self.env["mail.compose.message"].with_user(user)
                with self.assertRaises(UserError) as caught:
                    composer = Composer.create(
                        {
                            "model": "sale.order",
                            "res_ids": self.order.ids,
                            "template_id": template.id,
                            "composition_mode": "comment",
                        }
                    )
                    self.assertNotIn(SECRET_TEXT, str(composer.body))
                    composer.action_send_mail()
                self.assertNotIn(SECRET_TEXT, str(caught.exception))

    def test_chatter_and_attachments(self):
        messages = self.env["mail.message"].search(
            [("model", "=", "sale.order"), ("res_id", "=", self.order.id)]
        )
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", self.order.id)]
        )
        self.assertTrue(messages and attachments)
        for __, user in self._roles():
            self.assertFalse(
                messages.with_user(user).search([("id", "in", messages.ids)])
            )
            with self.assertRaises(AccessError):
                messages.with_user(user).read(["body"])
            with self.assertRaises(AccessError):
                attachments.with_user(user).read(["raw"])
            with self.assertRaises(AccessError):
                self.order.with_user(user).message_post(body="mine")

    def test_departments_are_told_on_their_slip(self):
        """The transfer notifies each department on its slip (which its users
        open), not on the order (which they cannot)."""
        for slip in self.order.transfer_slip_ids:
            department = slip.department_id
            partners = (department.manager_id | department.member_ids).partner_id
            notice = slip.message_ids.filtered(lambda m: m.partner_ids)
            self.assertEqual(notice.partner_ids, partners)
        transfer_notes = self.order.message_ids.filtered(
            lambda m: "Transferred to departments" in (m.body or "")
        )
        self.assertTrue(transfer_notes)
        self.assertFalse(transfer_notes.partner_ids)

    def test_sales_keep_their_prices(self):
        order = self.order.with_user(self.users["sales"])
        self.assertEqual(
            order.order_line[:1].read(["price_unit"])[0]["price_unit"], SECRET_PRICE
        )


@tagged("post_install", "-at_install")
class TestPortalRoutes(HttpCase, DepartmentConfidentialityCommon):
    def test_portal_and_report_routes(self):
        token = self.order._portal_ensure_token()
        for role in ("warehouse", "workshop"):
            self.authenticate(self.users[role].login, self.users[role].login)
            for url in (
                f"/my/orders/{self.order.id}",
                f"/report/pdf/sale.report_saleorder/{self.order.id}",
                f"/report/html/sale.report_saleorder/{self.order.id}",
                f"/web/content/sale.order/{self.order.id}/access_token",
            ):
                response = self.url_open(url, allow_redirects=False)
                self.assertNotIn(SECRET_TEXT, response.text, url)
                self.assertNotEqual(
                    response.headers.get("Content-Type"), "application/pdf", url
                )
            self.assertTrue(token)
