# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowup(FollowupCommon):
    """R5.6: routes of workshops, specification sheets confirmed by the
    customer, one production notice per workshop in turn, buy-in requests."""

    def test_r5_6_switch_off_changes_nothing(self):
        """R5.6: a company that did not switch the follow-up on gets no sheet
        and no notice; the clerk's action says why."""
        self.company.followup_enabled = False
        order = self._accepted_order()
        self.assertFalse(order.followup_spec_ids)
        self.assertFalse(order.followup_notice_ids)
        self.assertFalse(order.followup_active)
        for action in (
            "action_followup_issue_notices",
            "action_followup_prepare_specs",
        ):
            with self.assertRaisesRegex(UserError, "does not follow orders"):
                getattr(self._as("clerk", order), action)()

    def test_r5_6_only_products_with_a_route(self):
        """R5.6: an order of products whose category has no route is handled
        as before."""
        order = self._accepted_order(lines=[(self.product, 3)])
        self.assertFalse(order.followup_active)
        self.assertFalse(order.followup_spec_ids)
        with self.assertRaisesRegex(UserError, "No line of order"):
            self._as("clerk", order).action_followup_issue_notices()

    def test_r5_6_route_of_product_before_category(self):
        """R5.6: the product's own route, else the closest category's."""
        Route = self.env["sale.followup.route"]
        own = Route.create(
            {
                "name": "Special bag",
                "categ_id": self.categ_printed.id,
                "product_tmpl_id": self.printed_bag.product_tmpl_id.id,
                "step_ids": [
                    Command.create(
                        {"name": "Bag making", "department_id": self.bag_making.id}
                    )
                ],
            }
        )
        general = Route.create(
            {
                "name": "Any bag",
                "categ_id": self.categ_bags.id,
                "step_ids": [
                    Command.create(
                        {"name": "Bag making", "department_id": self.bag_making.id}
                    )
                ],
            }
        )
        other_bag = self.env["product.product"].create(
            {"name": "Mailing bag", "categ_id": self.categ_bags.id}
        )
        routes = Route._get_routes(
            self.printed_bag | self.blank_bag | other_bag | self.product, self.company
        )
        self.assertEqual(routes[self.printed_bag.id], own)
        self.assertEqual(routes[self.blank_bag.id], self.route_blank)
        self.assertEqual(routes[other_bag.id], general)
        self.assertNotIn(self.product.id, routes)

    def test_r5_6_route_steps_are_checked(self):
        """R5.6: a workshop step names a production workshop; a route ends
        with the workshop that makes the product."""
        with self.assertRaisesRegex(ValidationError, "production workshop"):
            self.route_printed.write(
                {
                    "step_ids": [
                        Command.create(
                            {
                                "name": "Quality",
                                "department_id": self.departments["quality"].id,
                            }
                        )
                    ]
                }
            )
        with self.assertRaisesRegex(ValidationError, "ends with a buy-in"):
            self.route_printed.write(
                {
                    "step_ids": [
                        Command.create(
                            {"name": "Buy", "kind": "buy_in", "sequence": 99}
                        )
                    ]
                }
            )

    def test_r5_6_acceptance_prepares_sheets_for_the_clerk(self):
        """R5.6: accepted, each routed line gets a sheet to confirm, with an
        activity for the order's clerk; lines without a route get none."""
        order = self._accepted_order(
            lines=[(self.printed_bag, 5000), (self.blank_bag, 2000), (self.product, 1)]
        )
        specs = order.followup_spec_ids
        self.assertEqual(len(specs), 2)
        self.assertEqual(specs.product_id, self.printed_bag | self.blank_bag)
        self.assertEqual(set(specs.mapped("state")), {"draft"})
        self.assertEqual(specs.activity_ids.user_id, order.intake_clerk_id)
        self.assertFalse(order.followup_notice_ids)

    def test_r5_6_notice_refused_before_the_sheet_is_confirmed(self):
        """R5.6 out of order: no production notice before the customer
        confirmed the specification sheet."""
        order = self._accepted_order()
        self._fill(order.followup_spec_ids)
        with self.assertRaisesRegex(UserError, "has not confirmed the specification"):
            self._as("clerk", order).action_followup_issue_notices()
        self.assertFalse(order.followup_notice_ids)

    def test_r5_6_notice_refused_before_the_plate_is_made(self):
        """R5.6: the printing plate is made before the first notice."""
        order = self._accepted_order()
        spec = self._fill(order.followup_spec_ids, plate_ready=False)
        self._as("clerk", spec).action_confirm_customer()
        self.assertFalse(order.followup_notice_ids)
        with self.assertRaisesRegex(UserError, "printing plate"):
            self._as("clerk", order).action_followup_issue_notices()
        self._as("clerk", spec).plate_ready = True
        self._as("clerk", order).action_followup_issue_notices()
        self.assertEqual(len(order.followup_notice_ids), 3)

    def test_r5_6_notice_refused_before_acceptance(self):
        """R5.6 out of order: a sheet confirmed while the order is still at
        intake issues nothing; the clerk's action says why."""
        order = self._submit(self._new_order(lines=[(self.printed_bag, 10)]))
        spec = self.env["sale.followup.spec"].create(
            {"order_id": order.id, "order_line_id": order.order_line.id}
        )
        self._fill(spec)
        self._as("clerk", spec).action_confirm_customer()
        self.assertEqual(spec.state, "confirmed")
        self.assertFalse(order.followup_notice_ids)
        with self.assertRaisesRegex(UserError, "not accepted yet"):
            self._as("clerk", order).action_followup_issue_notices()

    def test_r5_6_confirmation_records_who_when_how(self):
        """R5.6: the confirmation names the customer's contact, the date and
        how; a proof needs its attachment."""
        order = self._accepted_order()
        spec = order.followup_spec_ids
        self._fill(spec, confirmed_partner_id=False)
        with self.assertRaisesRegex(UserError, "Confirmed By"):
            self._as("clerk", spec).action_confirm_customer()
        self._fill(spec, confirmation_method="proof")
        with self.assertRaisesRegex(UserError, "attach the approved proof"):
            self._as("clerk", spec).action_confirm_customer()
        proof = self.env["ir.attachment"].create(
            {"name": "proof.pdf", "datas": base64.b64encode(b"%PDF-1.4 proof")}
        )
        self._fill(
            spec,
            confirmation_method="proof",
            confirmation_attachment_ids=[Command.set(proof.ids)],
        )
        self._as("clerk", spec).action_confirm_customer()
        self.assertEqual(spec.confirmed_uid, self.users["clerk"])
        self.assertEqual(spec.confirmed_partner_id, self.customer_contact)
        self.assertFalse(spec.activity_ids)
        # confirmed: what the customer confirmed is fixed
        with self.assertRaisesRegex(UserError, "confirmed by the customer"):
            self._as("clerk", spec).write({"print_content": "Other logo"})
        # and used by notices: it cannot go back to draft nor be deleted
        with self.assertRaisesRegex(UserError, "used by production notices"):
            self._as("clerk", spec).action_reset_draft()
        with self.assertRaises(UserError):
            self._as("manager", spec).unlink()

    def test_r5_6_one_notice_per_workshop_in_turn(self):
        """R5.6: confirming the sheet of an accepted order issues the blown
        film notice; printing and bag making wait; each is issued when the
        previous is done, and its workshop is notified (message and
        activity)."""
        order = self._accepted_order()
        spec = self._fill(order.followup_spec_ids)
        self._as("clerk", spec).action_confirm_customer()
        film, printing, bag = self._notices(order)
        self.assertEqual(
            [n.department_id for n in (film, printing, bag)],
            [self.film, self.printing, self.bag_making],
        )
        self.assertEqual(
            (film.state, printing.state, bag.state), ("issued", "waiting", "waiting")
        )
        self.assertEqual((printing.previous_id, bag.previous_id), (film, printing))
        # the workshop's people: an activity each and a message to them
        self.assertEqual(film.activity_ids.user_id, self.users["film"])
        self.assertIn(
            self.users["film"].partner_id,
            film.message_ids.filtered(
                lambda m: "is issued" in (m.body or "")
            ).partner_ids,
        )
        self.assertFalse(printing.activity_ids)
        # customer requirements, notes and dates
        self.assertIn("Tube film, LD", film.customer_requirement)
        self.assertIn("ACME logo", film.customer_requirement)
        self.assertEqual(
            printing.instruction, "Printing instruction: plate of the order"
        )
        self.assertEqual(film.line_ids.product_qty, 5000)
        self.assertEqual(film.line_ids.spec_id, spec)
        self.assertEqual(film.date_planned_end, printing.date_planned_start)
        self.assertEqual(
            bag.date_needed,
            order.commitment_date.date(),
            "the last step ends at delivery",
        )
        self.assertLess(film.date_needed, bag.date_needed)
        # the film workshop works its notice; printing is issued then
        self._as("film", film).action_start()
        self.assertEqual(film.state, "started")
        self._as("film", film).action_done()
        self.assertEqual((film.state, printing.state), ("done", "issued"))
        self.assertFalse(film.activity_ids)
        self.assertEqual(printing.activity_ids.user_id, self.users["print"])
        self._as("print", printing).action_done()
        self.assertEqual(bag.state, "issued")
        self._as("bag", bag).action_done()
        self.assertEqual(bag.state, "done")
        self.assertTrue(
            order.message_ids.filtered(
                lambda m: "Every production notice" in (m.body or "")
            )
        )
        # issuing again makes no second set of notices
        with self.assertRaisesRegex(UserError, "already issued"):
            self._as("clerk", order).action_followup_issue_notices()

    def test_r5_6_next_step_refused_before_previous_done(self):
        """R5.6 out of order: a waiting notice is neither started nor
        finished, not even by the clerk; its state is not written
        directly."""
        order = self._accepted_order()
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        __, printing, __ = self._notices(order)
        for action in ("action_start", "action_done"):
            with self.assertRaisesRegex(UserError, "Waiting for Previous Step"):
                getattr(self._as("clerk", printing), action)()
        with self.assertRaisesRegex(UserError, "change only through"):
            self._as("clerk", printing).write({"state": "issued"})
        with self.assertRaisesRegex(UserError, "only a waiting"):
            self._notices(order)[0]._issue()
        self.assertEqual(printing.state, "waiting")

    def test_r5_6_buy_in_request_to_the_superior(self):
        """R5.6: bought material is a request to the clerk's superior
        (message and activity), not a workshop notice; the bag making
        notice is issued when the material is received."""
        order = self._accepted_order(lines=[(self.blank_bag, 2000)])
        self._as(
            "clerk",
            self._fill(order.followup_spec_ids, plate_type="none", print_content=False),
        ).action_confirm_customer()
        buy, bag = self._notices(order)
        self.assertEqual((buy.kind, buy.state), ("buy_in", "requested"))
        self.assertFalse(buy.department_id)
        self.assertEqual(buy.requested_to_id, self.users["logistics_head"])
        self.assertEqual(buy.activity_ids.user_id, self.users["logistics_head"])
        self.assertEqual(
            buy.activity_ids.activity_type_id,
            self.env.ref("sale_order_followup.mail_activity_type_followup_buy_in"),
        )
        self.assertEqual(bag.state, "waiting")
        # a workshop does not receive the material, the superior does
        with self.assertRaises(UserError):
            self._as("bag", buy).action_receive_material()
        self._as("logistics_head", buy).action_receive_material()
        self.assertEqual((buy.state, bag.state), ("received", "issued"))
        self.assertEqual(bag.activity_ids.user_id, self.users["bag"])

    def test_r5_6_cancel_a_notice_and_the_steps_after_it(self):
        """R5.6: the clerk withdraws a notice with a reason: the waiting
        steps after it go too; done notices are records."""
        order = self._accepted_order()
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        film, printing, bag = self._notices(order)
        with self.assertRaisesRegex(UserError, "Give a reason"):
            self._as("clerk", film).action_cancel("")
        self._as("clerk", film).action_cancel("Customer changed the colour")
        self.assertEqual({film.state, printing.state, bag.state}, {"cancelled"})
        self.assertFalse(film.activity_ids)
        with self.assertRaises(UserError):
            self._as("clerk", film).write({"note": "late edit"})
        # cancelled notices may be deleted, and the sheet reset for a new round
        self._as("clerk", order.followup_spec_ids).action_reset_draft()
        self._as("manager", film | printing | bag).unlink()

    def test_r5_6_cancelled_order_stops_its_notices(self):
        """R5.6: a cancelled order cancels its open notices."""
        order = self._accepted_order()
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        order.with_context(disable_cancel_warning=True)._action_cancel()
        self.assertEqual(set(order.followup_notice_ids.mapped("state")), {"cancelled"})

    def test_r5_6_done_notice_cannot_be_deleted(self):
        """R5.6: a done notice is a record."""
        order = self._accepted_order()
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        film = self._notices(order)[0]
        self._as("film", film).action_done()
        with self.assertRaisesRegex(UserError, "cancel a notice instead"):
            self._as("manager", film).unlink()

    def test_r5_6_pdf_per_notice(self):
        """R5.3, R5.6: the notice prints with the company block, the
        specification and the dates, and no price."""
        order = self._accepted_order()
        self._as("clerk", self._fill(order.followup_spec_ids)).action_confirm_customer()
        film = self._notices(order)[0]
        report = self.env.ref("sale_order_followup.action_report_followup_notice")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["film"])
            ._render_qweb_html(report.report_name, film.ids)[0]
            .decode()
        )
        self.assertIn("o_order_handling_company_block", html)
        self.assertIn(film.name, html)
        self.assertIn("ACME logo", html)
        self.assertIn("Tube film, LD", html)
        self.assertNotIn("0.12", html)
        self.assertNotIn(self.company.currency_id.symbol, html)

    def test_r5_6_query_count_20_lines(self):
        """R5.6 performance: issuing the notices of a 20-line order costs
        what a 2-line order costs (no query per line)."""
        self.company.followup_enabled = False
        products = self.env["product.product"].create(
            [
                {
                    "name": f"Printed bag {i}",
                    "default_code": f"PB-{i}",
                    "type": "consu",
                    "list_price": 0.12,
                    "categ_id": self.categ_printed.id,
                }
                for i in range(20)
            ]
        )
        small = self._accepted_order(lines=[(p, 100) for p in products[:2]])
        large = self._accepted_order(lines=[(p, 100) for p in products])
        self.company.followup_enabled = True
        for order in small | large:
            spec = self.env["sale.followup.spec"].create({"order_id": order.id})
            self._fill(spec)
            spec._workflow_write({"state": "confirmed"})
        # the small order first: the registry caches are warm for both
        self.env.invalidate_all()
        self.env.flush_all()
        before = self.cr.sql_log_count
        self._as("clerk", small).action_followup_issue_notices()
        self.env.flush_all()
        small_count = self.cr.sql_log_count - before
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        # measured 60: one create per step level, one message per notice
        with self.assertQueryCount(66):
            self._as("clerk", large).action_followup_issue_notices()
        large_count = self.cr.sql_log_count - before
        self.assertLessEqual(large_count, small_count + 2)
        self.assertEqual(len(large.followup_notice_ids), 3)
        self.assertEqual(len(large.followup_notice_ids.line_ids), 60)
        self.assertEqual(large.followup_notice_ids.mapped("state").count("issued"), 1)
