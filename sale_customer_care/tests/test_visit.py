# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CustomerCareCommon


@tagged("post_install", "-at_install")
class TestVisit(CustomerCareCommon):
    def _run_cron(self):
        self.env["sale.customer.visit"]._cron_plan_visits()
        return self.env["sale.customer.visit"].search(
            [("commercial_partner_id", "=", self.partner.id)]
        )

    def test_cron_after_delivery_twice(self):
        """A follow-up visit is planned once after delivery, however often the cron runs
        (R8.1)."""
        self.company.customer_visit_period_days = 0
        self.assertFalse(self._run_cron(), "not before the delay")
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            visits = self._run_cron()
            self.assertEqual(len(visits), 1)
            self.assertEqual(visits.picking_id, self.picking)
            self.assertEqual(visits.origin, "delivery")
            self.assertEqual(visits.user_id, self.service, "customer service lead")
            self.assertEqual(visits.order_id, self.delivered_order)
            self.assertTrue(visits.activity_ids)
            # second run: nothing new
            self.assertEqual(self._run_cron(), visits)

    def test_cron_periodic_twice(self):
        self.company.customer_visit_delay_days = 0
        visits = self._run_cron()
        self.assertEqual(len(visits), 1)
        self.assertEqual(visits.origin, "periodic")
        self.assertEqual(self._run_cron(), visits, "safe to run twice")
        with freeze_time(fields.Datetime.now() + timedelta(days=91)):
            self.assertEqual(len(self._run_cron()), 2, "due again after the period")

    def _visit(self):
        return (
            self.env["sale.customer.visit"]
            .with_user(self.service)
            .create(
                {"partner_id": self.partner.id, "order_id": self.delivered_order.id}
            )
        )

    def test_default_user_and_scores(self):
        visit = self._visit()
        self.assertEqual(visit.user_id, self.service)
        for value in (6, -1):
            with self.assertRaises(ValidationError):
                visit.score_product = value
        with self.assertRaises(UserError):
            visit.action_done()  # no scores yet
        with Form(visit) as form:
            form.channel = "visit"
            form.score_product = 5
            form.score_delivery = 4
            form.score_service = 3
            form.comments = "All fine"
        visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertAlmostEqual(visit.score_avg, 4.0)
        self.assertFalse(visit.complaint_ids)
        with self.assertRaises(UserError):
            visit.action_done()

    def test_low_score_opens_complaint(self):
        visit = self._visit()
        visit.write(
            {
                "score_product": 4,
                "score_delivery": 1,
                "score_service": 4,
                "comments": "Two weeks late",
            }
        )
        visit.action_done()
        complaint = visit.complaint_ids
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.category, "late_delivery")
        self.assertEqual(complaint.channel, "visit")
        self.assertEqual(complaint.stage_code, "new")
        self.assertEqual(complaint.order_id, self.delivered_order)

    def test_rating_from_mail_lands_on_visit(self):
        visit = self._visit()
        visit.action_send_rating_request()
        token = visit._rating_get_access_token()
        rating = self.env["rating.rating"].sudo().search([("access_token", "=", token)])
        self.assertEqual(rating.res_id, visit.id)
        # what the /rate/<token>/<score> controller does
        record = self.env[rating.res_model].sudo().browse(rating.res_id)
        record.rating_apply(5, token=token, feedback="Great")
        self.assertEqual(visit.rating_last_value, 5)
        self.assertFalse(visit.complaint_ids)
        token = visit._rating_get_access_token()
        visit.sudo().rating_apply(1, token=token, feedback="Broken on arrival")
        self.assertEqual(visit.rating_last_value, 1)
        self.assertEqual(len(visit.complaint_ids), 1, "a dissatisfied rating")

    def test_partner_archive(self):
        visit = self._visit()
        visit.write({"score_product": 4, "score_delivery": 4, "score_service": 5})
        visit.action_done()
        self._complaint()
        partner = self.partner.with_user(self.service)
        self.assertEqual(partner.customer_visit_count, 1)
        self.assertEqual(partner.customer_complaint_count, 1)
        self.assertAlmostEqual(partner.customer_satisfaction, 13 / 3, places=2)
        action = partner.action_view_satisfaction_trend()
        self.assertEqual(action["res_model"], "sale.customer.visit")
        self.assertIn("graph", action["view_mode"])
        self.assertEqual(
            self.env["sale.customer.visit"].search(action["domain"]), visit
        )
