# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from types import SimpleNamespace
from unittest.mock import patch

from werkzeug.exceptions import Forbidden, NotFound
from werkzeug.utils import redirect

from odoo.exceptions import AccessError, UserError
from odoo.http import _request_stack
from odoo.tests import new_test_user, tagged

from odoo.addons.sale_customer_care.controllers.portal import CustomerCarePortal

from .common import CustomerCareCommon


@tagged("post_install", "-at_install")
class TestComplaintPortalAnswer(CustomerCareCommon):
    """R8.3: the customer accepts the proposed solution or says it does not
    solve the problem, on the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_partner = cls.env["res.partner"].create({"name": "Other Corp"})
        cls.portal_user = new_test_user(
            cls.env,
            "care_answer_portal",
            groups="base.group_portal",
            partner_id=cls.partner.id,
        )
        cls.other_portal = new_test_user(
            cls.env,
            "care_answer_other",
            groups="base.group_portal",
            partner_id=cls.other_partner.id,
        )

    @contextmanager
    def _portal_request(self, user):
        """The controller's ``request`` for ``user``."""
        fake = SimpleNamespace(
            env=self.env(user=user, su=False),
            redirect=lambda url, **kw: redirect(url, code=303),
        )
        _request_stack.push(fake)
        try:
            yield fake
        finally:
            _request_stack.pop()

    def _post(self, user, complaint, accept, comment=None, access_token=None):
        """POST the portal answer as ``user``: the redirection, or the
        error message of the page rendered again (the route makes it a
        response)."""
        portal = CustomerCarePortal()
        with (
            self._portal_request(user),
            patch.object(
                CustomerCarePortal,
                "_complaint_page",
                lambda self, complaint, token, answered=None, error=None: error,
            ),
        ):
            if accept:
                response = portal.portal_complaint_accept(
                    complaint.id, access_token=access_token
                )
            else:
                response = portal.portal_complaint_reject(
                    complaint.id, access_token=access_token, comment=comment
                )
        if response.status_code == 200:
            return response.get_data(as_text=True)
        return response

    def _activities(self, complaint):
        return self.env["mail.activity"].search(
            [("res_model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )

    def test_routes_are_csrf_protected_posts(self):
        """R8.3: both answers are POSTs with Odoo's CSRF check."""
        for method in (
            CustomerCarePortal.portal_complaint_accept,
            CustomerCarePortal.portal_complaint_reject,
        ):
            routing = method.original_routing
            self.assertEqual(routing["methods"], ["POST"])
            self.assertTrue(routing.get("csrf", True))

    def test_customer_accepts_solution(self):
        """R8.3: the customer accepts the solution on the portal: confirmed,
        when and by which contact, a message and an activity for the
        handler to close; a second click changes nothing."""
        complaint = self._solve(self._complaint())
        response = self._post(self.portal_user, complaint, accept=True)
        self.assertEqual(response.status_code, 303)
        self.assertIn(f"/my/complaints/{complaint.id}", response.headers["Location"])
        self.assertIn("answered=accepted", response.headers["Location"])
        self.assertEqual(complaint.stage_code, "confirmed")
        self.assertTrue(complaint.customer_confirmed_date)
        self.assertEqual(complaint.customer_confirmed_via, "portal")
        self.assertEqual(complaint.customer_confirmed_partner_id, self.partner)
        self.assertEqual(complaint.customer_confirmed_uid, self.portal_user)
        message = complaint.message_ids[0]
        self.assertEqual(message.author_id, self.partner)
        self.assertIn("accepted the solution", message.body)
        activity = self._activities(complaint)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.service)
        self.assertIn(complaint.name, activity.summary)
        # idempotent: the same answer again adds nothing
        messages = complaint.message_ids
        confirmed_date = complaint.customer_confirmed_date
        response = self._post(self.portal_user, complaint, accept=True)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(complaint.message_ids, messages)
        self.assertEqual(len(self._activities(complaint)), 1)
        self.assertEqual(complaint.customer_confirmed_date, confirmed_date)
        # the handler closes it
        complaint.with_user(self.service).action_close()
        self.assertEqual(complaint.stage_code, "closed")

    def test_customer_rejects_solution_with_comment(self):
        """R8.3: "Not solved" needs a comment; the complaint goes back to
        investigating with a message and an activity for its handler."""
        complaint = self._solve(self._complaint())
        error = self._post(self.portal_user, complaint, accept=False, comment="  ")
        self.assertIn("why the solution does not solve", error)
        self.assertEqual(complaint.stage_code, "solution")
        self.assertFalse(self._activities(complaint))
        response = self._post(
            self.portal_user, complaint, accept=False, comment="Still leaking"
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("answered=rejected", response.headers["Location"])
        self.assertEqual(complaint.stage_code, "investigating")
        self.assertEqual(complaint.customer_rejection_comment, "Still leaking")
        self.assertTrue(complaint.customer_rejected_date)
        self.assertFalse(complaint.customer_confirmed_date)
        message = complaint.message_ids[0]
        self.assertEqual(message.author_id, self.partner)
        self.assertIn("Still leaking", message.body)
        activity = self._activities(complaint)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.service)
        # the same form sent twice: nothing more
        self._post(self.portal_user, complaint, accept=False, comment="Still leaking")
        self.assertEqual(len(self._activities(complaint)), 1)
        self.assertEqual(complaint.message_ids[0], message)
        # a new solution can be proposed and then accepted
        complaint.with_user(self.service).action_propose_solution()
        self._post(self.portal_user, complaint, accept=True)
        self.assertEqual(complaint.stage_code, "confirmed")

    def test_answer_refused_at_other_stages(self):
        """R8.3: no answer before a solution is proposed, nor a rejection of
        an accepted one."""
        complaint = self._complaint()
        complaint.action_acknowledge()
        for accept in (True, False):
            error = self._post(self.portal_user, complaint, accept, comment="No")
            self.assertIn("only while it is proposed", error)
        self.assertEqual(complaint.stage_code, "acknowledged")
        self.assertFalse(complaint.customer_confirmed_date)
        with self.assertRaisesRegex(UserError, "only while it is proposed"):
            complaint.sudo()._portal_accept_solution(self.portal_user)
        self._solve_from_acknowledged(complaint)
        self._post(self.portal_user, complaint, accept=True)
        error = self._post(self.portal_user, complaint, accept=False, comment="No")
        self.assertIn("only while it is proposed", error)
        self.assertEqual(complaint.stage_code, "confirmed")

    def _solve_from_acknowledged(self, complaint):
        complaint.action_investigate()
        complaint.write({"root_cause": "Seal", "corrective_action": "New seal"})
        complaint.action_propose_solution()

    def test_other_customer_and_staff_refused(self):
        """R8.3: only the complaint's customer answers: another customer
        gets a 404 (even with the link, 403), an employee answers nothing
        on the portal."""
        complaint = self._solve(self._complaint())
        with self.assertRaises(NotFound):
            self._post(self.other_portal, complaint, accept=True)
        with self.assertRaises(NotFound):
            self._post(self.other_portal, complaint, accept=False, comment="x")
        token = complaint.sudo()._portal_ensure_token()
        with self.assertRaises(Forbidden):
            self._post(self.other_portal, complaint, accept=True, access_token=token)
        with self.assertRaises(NotFound):
            self._post(self.other_portal, complaint, accept=True, access_token="bad")
        with self.assertRaises(Forbidden):
            self._post(self.service, complaint, accept=True)
        with self.assertRaises(AccessError):
            complaint.sudo()._portal_accept_solution(self.users["sales"])
        self.assertEqual(complaint.stage_code, "solution")
        # the holder of the customer's link (not logged in) answers for
        # the customer
        public = self.env.ref("base.public_user")
        self._post(public, complaint, accept=True, access_token=token)
        self.assertEqual(complaint.stage_code, "confirmed")
        self.assertEqual(complaint.customer_confirmed_partner_id, self.partner)
        self.assertFalse(complaint.customer_confirmed_uid)

    def test_staff_confirms_on_customer_behalf(self):
        """R8.3: customer service still records the confirmation, and who
        recorded it; nobody writes the confirmation directly."""
        complaint = self._solve(self._complaint())
        with self.assertRaisesRegex(UserError, "recorded only"):
            complaint.write({"customer_confirmed_via": "portal"})
        complaint.action_customer_confirm()
        self.assertEqual(complaint.stage_code, "confirmed")
        self.assertEqual(complaint.customer_confirmed_uid, self.service)
        self.assertEqual(complaint.customer_confirmed_via, "staff")
        self.assertFalse(complaint.customer_confirmed_partner_id)
        with self.assertRaisesRegex(UserError, "recorded only"):
            complaint.write({"customer_confirmed_date": False})
