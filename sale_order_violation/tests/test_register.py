# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ViolationCommon


@tagged("post_install", "-at_install")
class TestRegister(ViolationCommon):
    """R7.8: the register of violations, kept and reviewed by the managers
    (order-handling administrators and general managers)."""

    def test_manager_files_a_manual_entry_and_managers_are_told(self):
        """R7.8: a manager files a case of their own (kind Other); it is
        numbered and every manager of the company gets a note and an
        activity."""
        entry = self._manual_entry(user_id=self.users["sales"].id)
        self.assertRegex(entry.name, r"^VIO/\d{4}/\d{5}$")
        self.assertEqual(entry.kind, "other")
        self.assertEqual(entry.state, "new")
        self.assertEqual(entry.company_id, self.company)
        assignees = entry.sudo().activity_ids.user_id
        self.assertIn(self.users["manager"], assignees)
        self.assertIn(self.users["gm"], assignees)
        self.assertNotIn(self.users["saleshead"], assignees)
        self.assertNotIn(self.users["sales"], assignees)
        self.assertIn("Printed order S00042", entry.sudo().message_ids[:1].body or "")

    def test_activity_note_in_the_reviewers_language(self):
        """R7.8 / issue 20: the entry is filed in English, the general
        manager who reads Chinese gets the activity's note in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.users["gm"].lang = "zh_CN"
        self.users["manager"].lang = "en_US"
        entry = self._manual_entry(user_id=self.users["sales"].id)
        activities = entry.sudo().activity_ids
        gm_note = activities.filtered(lambda a: a.user_id == self.users["gm"]).note
        manager_note = activities.filtered(
            lambda a: a.user_id == self.users["manager"]
        ).note
        self.assertIn("Other registered", manager_note)
        self.assertNotIn("registered", gm_note)
        self.assertIn("登记", gm_note)

    def test_roles_without_the_register_cannot_touch_it(self):
        """R7.8: salespeople, the sales head, the logistics clerk and the
        departments neither read, file, change nor delete entries."""
        entry = self._manual_entry()
        for role in ("sales", "saleshead", "clerk", "warehouse", "member"):
            with self.subTest(role=role):
                user = self.users[role]
                with self.assertRaises(AccessError):
                    entry.with_user(user).read(["facts"])
                with self.assertRaises(AccessError):
                    self.Violation.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self._manual_entry(role=role)
                with self.assertRaises(AccessError):
                    entry.with_user(user).write({"decision": "Nothing."})
                with self.assertRaises(AccessError):
                    entry.with_user(user).action_decide()
                with self.assertRaises(AccessError):
                    entry.with_user(user).unlink()
        self.assertEqual(entry.state, "new")
        self.assertFalse(entry.decision)

    def test_forged_system_entries_are_refused(self):
        """R7.8: the tamper, refused-access and bypass entries are the
        server's: a manager (or a client over RPC) cannot file one, nor
        set the status, the source or the decider."""
        manager = self.users["manager"]
        Violation = self.Violation.with_user(manager)
        for forged in (
            {"kind": "tamper"},
            {"kind": "approval_bypass"},
            {"kind": "refused_access"},
            {"state": "decided"},
            {"decided_uid": manager.id},
            {"res_model": "sale.order.archive", "res_id": 1},
            {"dedup_key": "refused_access:1:1:2026-01-01"},
            {"date": "2020-01-01 00:00:00"},
        ):
            with self.subTest(forged=forged):
                with self.assertRaises(UserError):
                    Violation.create({"facts": "Forged.", **forged})
        self.assertFalse(self.Violation.sudo().search([]))

    def test_review_decide_then_locked(self):
        """R7.8: new → under review → decided, with the decision and who
        decided; a decided entry is a record: not edited, not deleted."""
        entry = self._manual_entry(user_id=self.users["sales"].id)
        gm_entry = entry.with_user(self.users["gm"])
        with self.assertRaises(UserError):
            gm_entry.action_decide()  # out of turn
        gm_entry.action_start_review()
        self.assertEqual(entry.state, "under_review")
        with self.assertRaises(UserError):
            gm_entry.action_decide()  # no decision written
        gm_entry.write({"decision": "Written warning; access to exports removed."})
        gm_entry.action_decide()
        self.assertEqual(entry.state, "decided")
        self.assertEqual(entry.decided_uid, self.users["gm"])
        self.assertTrue(entry.decided_date)
        self.assertFalse(entry.sudo().activity_ids)
        for vals in (
            {"decision": "Nothing after all."},
            {"user_id": self.users["sales2"].id},
            {"state": "new"},
        ):
            with self.subTest(vals=vals):
                with self.assertRaises(UserError):
                    entry.with_user(self.users["manager"]).write(vals)
        with self.assertRaises(UserError):
            entry.with_user(self.users["manager"]).action_dismiss()
        # nobody deletes: no right for the managers, refused even in sudo
        with self.assertRaises(AccessError):
            entry.with_user(self.users["manager"]).unlink()
        with self.assertRaises(UserError):
            entry.sudo().unlink()
        self.assertTrue(entry.exists())

    def test_new_entries_are_not_deleted_either(self):
        """R7.8: the register is auditable: a new entry is kept too."""
        entry = self._manual_entry()
        with self.assertRaises(UserError):
            entry.sudo().unlink()

    def test_dismiss_needs_a_reason(self):
        """R7.8: dismissing says why it is no violation."""
        entry = self._manual_entry().with_user(self.users["gm"])
        with self.assertRaises(UserError):
            entry.action_dismiss()
        entry.decision = "The order was the customer's own copy."
        entry.action_dismiss()
        self.assertEqual(entry.state, "dismissed")
        with self.assertRaises(UserError):
            entry.write({"decision": "Changed my mind."})

    def test_person_concerned_neither_sees_nor_decides_own_entry(self):
        """R7.8: an entry about a manager is reviewed by another manager;
        the person concerned does not see it."""
        entry = self._manual_entry(role="gm", user_id=self.users["manager"].id)
        manager = self.users["manager"]
        self.assertNotIn(manager, entry.sudo().activity_ids.user_id)
        self.assertFalse(self.Violation.with_user(manager).search([]))
        with self.assertRaises(AccessError):
            entry.with_user(manager).read(["facts"])
        with self.assertRaises(AccessError):
            entry.with_user(manager).action_start_review()
        # they cannot make it about someone else to see it either
        other = self._manual_entry(role="manager", user_id=self.users["sales"].id)
        with self.assertRaises(AccessError):
            entry.with_user(manager).write({"user_id": self.users["sales"].id})
        self.assertEqual(entry.user_id, manager)
        # the general manager reviews it, but not a case of their own
        entry.with_user(self.users["gm"]).action_start_review()
        own = self._manual_entry(role="manager", user_id=self.users["gm"].id)
        with self.assertRaises(AccessError):
            own.with_user(self.users["gm"]).action_start_review()
        other.with_user(self.users["gm"]).action_start_review()
        self.assertEqual(other.state, "under_review")

    def test_replayed_start_review_writes_nothing(self):
        """R7.8: starting the review of an entry already under review (a
        replay over RPC) is refused by the button's rule and changes
        nothing; a decided entry cannot go back under review."""
        entry = self._manual_entry().with_user(self.users["manager"])
        entry.action_start_review()
        self.env.flush_all()
        before = (entry.write_date, len(entry.message_ids))
        with self.assertRaisesRegex(UserError, "is Under Review: this step"):
            entry.action_start_review()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual((entry.write_date, len(entry.message_ids)), before)
        entry.decision = "Reminded of the rules."
        entry.action_decide()
        with self.assertRaisesRegex(UserError, "is Decided: this step"):
            entry.action_start_review()
        self.assertEqual(entry.state, "decided")

    def test_manual_entry_completed_while_new_system_facts_fixed(self):
        """R7.8: a manager completes the facts of a manual entry while it
        is new; the facts found by the system are never rewritten."""
        entry = self._manual_entry().with_user(self.users["manager"])
        entry.write({"facts": "Printed order S00042 twice."})
        entry.action_start_review()
        with self.assertRaises(UserError):
            entry.write({"facts": "Nothing happened."})
        system = self.Violation._file_entries(
            [{"kind": "tamper", "facts": "Archive ARC/1 changed."}]
        ).with_user(self.users["manager"])
        self.assertEqual(system.state, "new")
        with self.assertRaises(UserError):
            system.write({"facts": "Nothing happened."})
        # the person of a tamper, once found, is named; then fixed
        system.write({"user_id": self.users["sales"].id})
        with self.assertRaises(UserError):
            system.write({"user_id": self.users["sales2"].id})

    def test_companies_are_isolated(self):
        """R7.8: a manager of one company neither reads nor files the
        register of another."""
        other = self.env["res.company"].create({"name": "Pumps Export Ltd"})
        foreign_manager = new_test_user(
            self.env,
            "oh_manager_b",
            groups="order_handling_base.group_manager",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        entry = self._manual_entry()
        self.assertFalse(self.Violation.with_user(foreign_manager).search([]))
        with self.assertRaises(AccessError):
            entry.with_user(foreign_manager).read(["facts"])
        with self.assertRaises(AccessError):
            self.Violation.with_user(self.users["manager"]).create(
                {"facts": "Elsewhere.", "company_id": other.id}
            )
        foreign = self.Violation.with_user(foreign_manager).create(
            {"facts": "In the other company."}
        )
        self.assertEqual(foreign.company_id, other)
        self.assertNotIn(self.users["manager"], foreign.sudo().activity_ids.user_id)
        self.assertIn(foreign_manager, foreign.sudo().activity_ids.user_id)
        self.assertNotIn(
            foreign, self.Violation.with_user(self.users["manager"]).search([])
        )
