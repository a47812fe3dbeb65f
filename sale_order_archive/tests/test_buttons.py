# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One rule per button (order.handling.button.mixin): the flag that shows
the button is True exactly when the action succeeds for that user, and the
action refuses, with the rule's sentence and nothing written, where the
button is hidden."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_archive import ArchiveCommon

REQUEST_FIELDS = ["state", "date_end", "granted_uid"]


@tagged("post_install", "-at_install")
class TestArchiveButtons(ArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.archived = cls._done_order()
        cls.archived.with_user(cls.users["clerk"]).action_governance_archive()
        cls.requester = cls.users["sales2"]

    def _flag(self, user, record, step):
        record = record.with_user(user)
        record.invalidate_recordset()
        return record[f"can_{step}"]

    def _request(self, user=None):
        return (
            self.env["sale.order.access.request"]
            .with_user(user or self.requester)
            .create({"order_name": self.archived.name, "reason": "Customer audit"})
        )

    def test_archive_rule(self):
        """R7.6: the logistics clerk, the sales head or an administrator
        archive a done order once: the button shows exactly then."""
        clerk, sales = self.users["clerk"], self.users["sales"]
        done = self._done_order()
        self.assertFalse(self._flag(sales, done, "governance_archive"))
        self.assertRefused(
            AccessError,
            done,
            lambda: done.with_user(sales).action_governance_archive(),
            ["governance_archive_id"],
            regex="can archive orders",
        )
        undelivered = self._confirmed_order()
        self.assertFalse(self._flag(clerk, undelivered, "governance_archive"))
        self.assertRefused(
            UserError,
            undelivered,
            lambda: undelivered.with_user(clerk).action_governance_archive(),
            ["governance_archive_id"],
            regex="not fully delivered",
        )
        for role in ("clerk", "saleshead", "manager"):
            self.assertTrue(self._flag(self.users[role], done, "governance_archive"))
        self.assertTrue(done.with_user(clerk).action_governance_archive())
        self.assertTrue(done.governance_archive_id)
        self.assertFalse(self._flag(clerk, done, "governance_archive"))
        with self.assertRaisesMessage(UserError, "already archived"):
            done.with_user(self.users["manager"]).action_governance_archive()

    def test_verify_rule(self):
        """R7.6: the logistics clerk, the sales head or an administrator
        verify an archive; nobody else."""
        archive = self.archived.governance_archive_id
        for role in ("clerk", "saleshead", "manager"):
            self.assertTrue(self._flag(self.users[role], archive, "verify"))
        self.assertTrue(archive.with_user(self.users["saleshead"]).action_verify())
        self.assertTrue(archive.verified_date)
        self.assertFalse(self._flag(self.users["sales"], archive, "verify"))
        self.assertRefused(
            AccessError,
            archive,
            lambda: archive.with_user(self.users["sales"]).action_verify(),
            ["verified_date", "integrity"],
            regex="can verify order archives",
        )

    def test_submit_rule(self):
        """R7.7: the requester submits a draft about an order they cannot
        read yet."""
        request = self._request()
        head = self.users["saleshead"]
        self.assertFalse(self._flag(head, request, "submit"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(head).action_submit(),
            REQUEST_FIELDS,
            regex="Only the requester submits",
        )
        # whoever reads the order already: hidden now (was refused only)
        own = self._request(self.users["sales"])
        self.assertFalse(self._flag(self.users["sales"], own, "submit"))
        self.assertRefused(
            UserError,
            own,
            lambda: own.with_user(self.users["sales"]).action_submit(),
            REQUEST_FIELDS,
            regex="already read",
        )
        self.assertTrue(self._flag(self.requester, request, "submit"))
        request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertFalse(self._flag(self.requester, request, "submit"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.requester).action_submit(),
            REQUEST_FIELDS,
            regex="was already submitted",
        )

    def test_revoke_and_cancel_rules(self):
        """R7.7: an access approver revokes a grant; the requester cancels
        a draft or submitted request."""
        head = self.users["saleshead"]
        request = self._request()
        # cancel: the requester, before the decision
        self.assertFalse(self._flag(head, request, "cancel"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(head).action_cancel(),
            REQUEST_FIELDS,
            regex="Only the requester cancels",
        )
        self.assertFalse(self._flag(head, request, "revoke"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(head).action_revoke(),
            REQUEST_FIELDS,
            regex="is not granted",
        )
        request.with_user(self.requester).action_submit()
        self.assertTrue(self._flag(self.requester, request, "cancel"))
        request.with_user(head).validate_tier()
        self.assertEqual(request.state, "granted")
        self.assertFalse(self._flag(self.requester, request, "cancel"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.requester).action_cancel(),
            REQUEST_FIELDS,
            regex="can no longer be cancelled",
        )
        # revoke: an access approver, on a grant
        self.assertFalse(self._flag(self.requester, request, "revoke"))
        self.assertRefused(
            UserError,
            request,
            lambda: request.with_user(self.requester).action_revoke(),
            REQUEST_FIELDS,
            regex="Only an access approver revokes",
        )
        self.assertTrue(self._flag(head, request, "revoke"))
        request.with_user(head).action_revoke()
        self.assertEqual(request.state, "cancelled")
        self.assertFalse(self._flag(head, request, "revoke"))
        # a draft is cancelled by its requester
        draft = self._request()
        self.assertTrue(self._flag(self.requester, draft, "cancel"))
        draft.with_user(self.requester).action_cancel()
        self.assertEqual(draft.state, "cancelled")
