# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import IncentiveCommon


@tagged("post_install", "-at_install")
class TestIncentiveScale(IncentiveCommon):
    """R10.3: an incentive scale (achievement bands → bonus rate or amount)
    per period and salesperson, approved by the sales head."""

    def test_overlapping_bands_refused(self):
        """R10.3: an achievement falls in one band only."""
        with self.assertRefused(ValidationError, "overlap"):
            self._scale(
                bands=[
                    Command.create({"achievement_from": 0.0, "achievement_to": 90.0}),
                    Command.create({"achievement_from": 80.0, "achievement_to": 120.0}),
                ]
            )
        # a band without upper limit followed by another one
        with self.assertRefused(ValidationError, "overlap"):
            self._scale(
                bands=[
                    Command.create({"achievement_from": 50.0}),
                    Command.create({"achievement_from": 100.0}),
                ]
            )
        # added later to a draft scale
        scale = self._scale()
        with self.assertRefused(ValidationError, "overlap"):
            scale.with_user(self.users["manager"]).write(
                {"band_ids": [Command.create({"achievement_from": 90.0})]}
            )
        with self.assertRefused(ValidationError, "ends before it starts"):
            self._scale(
                bands=[
                    Command.create({"achievement_from": 90.0, "achievement_to": 80.0})
                ]
            )
        with self.assertRefused(ValidationError, "0 to 100"):
            self._scale(
                bands=[Command.create({"achievement_from": 0.0, "bonus_rate": 150.0})]
            )

    def test_touching_bands_and_band_lookup(self):
        """R10.3: bands cover from (included) to (excluded)."""
        scale = self._scale()
        self.assertEqual(len(scale.band_ids), 3)
        self.assertEqual(scale._find_band(79.99).achievement_to, 80.0)
        self.assertEqual(scale._find_band(80.0).bonus_rate, 2.0)
        self.assertEqual(scale._find_band(100.0).bonus_fixed, 1000.0)
        self.assertEqual(scale._find_band(480.0).bonus_fixed, 1000.0)
        gap = self._scale(
            name="Gap",
            user_id=self.users["sales4"].id,
            bands=[Command.create({"achievement_from": 90.0, "achievement_to": 110.0})],
        )
        self.assertFalse(gap._find_band(50.0))

    def test_sales_head_approves_the_scale(self):
        """R10.3: approved by the sales head through tier validation."""
        scale = self._scale()
        with self.assertRefused(ValidationError, "no bands"):
            self._scale(
                name="Empty", user_id=self.users["sales4"].id, bands=[]
            ).with_user(self.users["manager"]).action_submit()
        scale.with_user(self.users["manager"]).action_submit()
        self.assertEqual(scale.state, "to_approve")
        self.assertEqual(len(scale.review_ids), 1)
        self.assertIn(scale.validation_status, ("waiting", "pending"))
        # under validation the bands are frozen
        with self.assertRefused(UserError, "only while it is a draft"):
            scale.band_ids[0].with_user(self.users["manager"]).bonus_fixed = 5.0
        # the administrator and a salesperson do not approve
        for role in ("manager", "sales"):
            with self.assertRefused(AccessError, "Only a sales head approves"):
                scale.with_user(self.users[role]).validate_tier()
            with self.assertRefused(AccessError, "Only a sales head approves"):
                scale.with_user(self.users[role]).action_approve()
        # nor does anybody write the state
        with self.assertRefused(
            UserError,
            "change only through the document|validation process is still open",
        ):
            scale.with_user(self.users["saleshead"]).write({"state": "approved"})
        scale.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(scale.state, "approved")
        self.assertEqual(scale.approved_uid, self.users["saleshead"])
        self.assertTrue(scale.approved_date)

    def test_back_to_draft_drops_the_reviews(self):
        scale = self._scale()
        scale.with_user(self.users["manager"]).action_submit()
        scale.with_user(self.users["manager"]).action_draft()
        self.assertEqual(scale.state, "draft")
        self.assertFalse(scale.review_ids)
        scale.band_ids[1].with_user(self.users["manager"]).bonus_rate = 2.5
        self.assertEqual(scale.band_ids[1].bonus_rate, 2.5)

    def test_approved_scale_is_a_record(self):
        """R10.3: an approved scale cannot be edited nor deleted, even by the
        sales head or the administrator."""
        scale = self._approved_scale()
        for role in ("saleshead", "manager"):
            as_role = scale.with_user(self.users[role])
            with self.assertRefused(UserError, "it cannot be edited"):
                as_role.write({"name": "Better bonus"})
            with self.assertRefused(UserError, "only while it is a draft"):
                as_role.band_ids[1].write({"bonus_rate": 5.0})
            with self.assertRefused(UserError, "only while it is a draft"):
                as_role.band_ids[0].unlink()
            with self.assertRefused(UserError, "only while it is a draft"):
                self.env["sale.target.incentive.band"].with_user(
                    self.users[role]
                ).create({"scale_id": scale.id, "achievement_from": 500.0})
            with self.assertRefused(UserError, "Only a draft can be deleted"):
                as_role.unlink()
            with self.assertRefused(UserError, "is Approved: this step"):
                as_role.action_draft()

    def test_new_version_replaces_the_old_one(self):
        """R10.3: a new version of an approved scale replaces it once
        approved."""
        scale = self._approved_scale()
        action = scale.with_user(self.users["manager"]).action_new_version()
        new = self.env["sale.target.incentive.scale"].browse(action["res_id"])
        self.assertEqual((new.state, new.version, new.previous_id), ("draft", 2, scale))
        self.assertEqual(len(new.band_ids), 3)
        with self.assertRefused(ValidationError, "already being prepared"):
            scale.with_user(self.users["manager"]).action_new_version()
        new.band_ids[1].with_user(self.users["manager"]).bonus_rate = 3.0
        self.assertEqual(scale.band_ids[1].bonus_rate, 2.0)
        new.with_user(self.users["manager"]).action_submit()
        self.assertEqual(scale.state, "approved")
        new.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual((new.state, scale.state), ("approved", "replaced"))
        with self.assertRefused(UserError, "it cannot be edited"):
            scale.with_user(self.users["manager"]).write({"name": "Revived"})
        # a client does not forge a version or what it replaces
        with self.assertRefused(UserError, "change only through the document"):
            self._scale(name="Forged", previous_id=new.id, date_from=date(2027, 1, 1))

    def test_second_approved_scale_for_the_same_period_refused(self):
        """R10.3: one approved scale per salesperson (or everyone), period and
        dates; a change is a new version."""
        self._approved_scale()
        twin = self._scale(name="Other", date_from=date(2026, 6, 1), date_to=False)
        with self.assertRefused(ValidationError, "make a new version"):
            twin.with_user(self.users["manager"]).action_submit()
        # another period type or a salesperson's own scale is fine
        quarterly = self._scale(name="Quarterly", period_type="quarter")
        own = self._scale(name="Own", user_id=self.users["sales"].id)
        (quarterly | own).with_user(self.users["manager"]).action_submit()
        self.assertEqual(set((quarterly | own).mapped("state")), {"to_approve"})

    def test_nobody_approves_their_own_scale(self):
        head = self.users["saleshead"]
        scale = self._scale(name="Head's own", user_id=head.id)
        scale.with_user(self.users["manager"]).action_submit()
        with self.assertRefused(UserError, "their own incentive scale"):
            scale.with_user(head).validate_tier()
        self.assertEqual(scale.state, "to_approve")

    def test_salesperson_does_not_edit_scales(self):
        """R10.3: a salesperson reads the scales that apply to them, edits no
        band."""
        general = self._scale()
        own = self._scale(name="Own", user_id=self.users["sales"].id)
        other = self._scale(name="Other", user_id=self.users["sales2"].id)
        seller = self.users["sales"]
        Scale = self.env["sale.target.incentive.scale"].with_user(seller)
        self.assertEqual(
            Scale.search([("id", "in", (general | own | other).ids)]), general | own
        )
        with self.assertRaises(AccessError):
            other.with_user(seller).read(["name"])
        with self.assertRaises(AccessError):
            own.band_ids[1].with_user(seller).write({"bonus_rate": 50.0})
        with self.assertRaises(AccessError):
            self.env["sale.target.incentive.band"].with_user(seller).create(
                {"scale_id": own.id, "achievement_from": 300.0}
            )
        with self.assertRaises(AccessError):
            Scale.create({"name": "Mine", "band_ids": self._bands()})
        with self.assertRaises(AccessError):
            own.with_user(seller).action_submit()

    def test_form_as_the_administrator(self):
        """The scale form (with the tier validation buttons) as a person
        fills it."""
        with Form(
            self.env["sale.target.incentive.scale"].with_user(self.users["manager"])
        ) as form:
            form.name = "Quarterly bonus"
            form.period_type = "quarter"
            with form.band_ids.new() as band:
                band.achievement_from = 100.0
                band.bonus_type = "fixed"
                band.bonus_fixed = 3000.0
        scale = form.record
        self.assertEqual(scale.band_ids.name, "100% and more")
        scale.with_user(self.users["manager"]).action_submit()
        Form(scale.with_user(self.users["saleshead"]))
