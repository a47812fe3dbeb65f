# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unittest
from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user

from ..roles import ROLE_GROUPS


class Undo(Exception):
    """Raised at the end of a step that succeeded, to roll it back."""


class OrderHandlingCommon(TransactionCase):
    """Users acting as each role, the departments with their people, and an
    order entered by the salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_notrack=True,
                no_reset_password=True,
            )
        )
        cls.company = cls.env.company
        cls.users = {
            role: cls._new_user(f"oh_{role}", f"order_handling_base.{group}")
            for role, group in ROLE_GROUPS.items()
        }
        # a plain department member with no particular role
        cls.users["member"] = new_test_user(
            cls.env, "oh_member", groups="order_handling_base.group_user"
        )
        Department = cls.env["order.handling.department"]
        cls.departments = {
            department.code: department
            for department in Department.search([("company_id", "=", cls.company.id)])
        }
        for code, manager, members in [
            ("quality", "quality", ["member"]),
            ("warehouse", "warehouse", []),
            ("production", "workshop", []),
            ("engineering", "engineering", ["process"]),
            ("logistics", "clerk", []),
        ]:
            cls.departments[code].write(
                {
                    "manager_id": cls.users[manager].id,
                    "member_ids": [Command.set([cls.users[m].id for m in members])]
                    if members
                    else [Command.clear()],
                }
            )
        cls.partner = cls.env["res.partner"].create({"name": "Acme Machinery"})
        cls.product = cls.env["product.product"].create(
            {"name": "Gear pump GP-20", "type": "consu", "list_price": 120.0}
        )
        cls.order = cls._create_order(cls.users["sales"])

    @classmethod
    def _new_user(cls, login, groups):
        """A user of the company with ``groups`` (xml ids, comma-separated)."""
        return new_test_user(
            cls.env,
            login,
            groups=groups,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    @classmethod
    def _new_sales_team(cls, name="Pumps team"):
        """A sales team of the company led by the sales head, with the
        salesperson in it."""
        return cls.env["crm.team"].create(
            {
                "name": name,
                "user_id": cls.users["saleshead"].id,
                "company_id": cls.company.id,
                "member_ids": [Command.set(cls.users["sales"].ids)],
            }
        )

    @classmethod
    def _create_order(cls, user, partner=None, company=None):
        Order = cls.env["sale.order"].with_user(user)
        if company:
            Order = Order.with_company(company)
        return Order.create(
            {
                "partner_id": (partner or cls.partner).id,
                "order_line": [
                    Command.create({"product_id": cls.product.id, "product_uom_qty": 3})
                ],
            }
        )

    @classmethod
    def _pass_review(cls, order):
        """With sale_order_review installed, the delivery date and the
        confirmation wait for an accepted review: accept the order's current
        review, so the tests hold with or without that addon."""
        if "current_review_id" not in order._fields:
            return
        review = order.sudo().current_review_id
        review.write(
            {"capacity": "ok", "material": "ok", "technology": "ok", "delivery": "ok"}
        )
        review._decide("accept")

    def _transfer(self, codes, order=None, user="clerk", **kwargs):
        departments = self.env["order.handling.department"].browse(
            [self.departments[code].id for code in codes]
        )
        order = order or self.order
        return order.with_user(self.users[user])._transfer_to_departments(
            departments.with_user(self.users[user]), **kwargs
        )

    def _as(self, role, records):
        return records.with_user(self.users[role])

    def _count_queries(self, func):
        """The queries ``func()`` runs, from an empty cache to its flush."""
        self.env.invalidate_all()
        self.env.flush_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    @contextmanager
    def assertRaisesMessage(self, exception, regex):
        """assertRaises (rolled back to a savepoint) plus the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), regex)

    def assertRefusedUntouched(self, exception, records, func, fnames, regex=None):
        """``func()`` raises ``exception`` and leaves ``fnames`` of ``records``
        as they were.

        Called *without* the savepoint of ``assertRaises``: what ``func``
        wrote before raising would still be there, so this checks that the
        guards refuse before anything is written. The cache is emptied first,
        as a new RPC request would have it (access rules are then checked)."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = records.sudo().read(fnames)
        self.env.invalidate_all()
        with unittest.TestCase.assertRaises(self, exception) as catcher:
            func()
        if regex:
            self.assertRegex(str(catcher.exception), regex)
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(
            records.sudo().read(fnames), before, "refused, but something was written"
        )
        return catcher.exception

    # the buttons (``order.handling.button.mixin``)

    def _button_flags(self, records, steps):
        """``{step: can_<step>}`` of ``records``, computed again."""
        records.invalidate_recordset([f"can_{step}" for step in steps])
        return {step: records[f"can_{step}"] for step in steps}

    def _button_passes(self, func):
        """Whether ``func()`` passes the server's checks (rolled back either
        way)."""
        try:
            with self.env.cr.savepoint():
                func()
                self.env.flush_all()
                raise Undo()
        except Undo:
            passed = True
        except (UserError, AccessError):
            passed = False
        self.env.invalidate_all()
        return passed

    def assertFlagsAreTheRule(self, record, steps, call):
        """For each step, its flag is True exactly when ``call(record,
        step)`` passes; returns the open steps."""
        self.env.flush_all()
        flags = self._button_flags(record, steps)
        for step in steps:
            with self.subTest(user=record.env.user.login, step=step):
                self.assertEqual(
                    self._button_passes(lambda step=step: call(record, step)),
                    flags[step],
                    f"can_{step} and action_{step} disagree",
                )
        return {step for step, flag in flags.items() if flag}
