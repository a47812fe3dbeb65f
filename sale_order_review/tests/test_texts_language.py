# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .test_review import ReviewCommon


@tagged("post_install", "-at_install")
class TestMeetingNameLanguage(ReviewCommon):
    """R3.2: the name the server gives a review meeting is written in every
    active language (DEVELOP.md of order_handling_base, "Texts the server
    writes"); the resolution to approve is each general manager's activity,
    in their language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")

    def _meeting_called_in(self, lang):
        order = self._accepted_order(regular=False)
        review = order.current_review_id.with_user(
            self.users["engineering"]
        ).with_context(lang=lang)
        action = review.action_call_meeting()
        return self.env["sale.order.review.meeting"].browse(action["res_id"])

    def test_meeting_name_in_the_readers_language(self):
        for creator_lang in ("en_US", "zh_CN"):
            meeting = self._meeting_called_in(creator_lang)
            review = meeting.review_id.name
            for user, lang, name in (
                ("quality", "zh_CN", f"评审会 {review}"),
                ("engineering", "en_US", f"Review meeting {review}"),
            ):
                self.assertEqual(
                    meeting.with_user(self.users[user]).with_context(lang=lang).name,
                    name,
                    creator_lang,
                )

    def test_resolution_activity_in_the_general_managers_language(self):
        self.env["ir.module.module"]._load_module_terms(
            ["sale_order_review"], ["zh_CN"], overwrite=True
        )
        self.users["gm"].lang = "zh_CN"
        meeting = self._meeting_called_in("en_US")
        engineering = meeting.with_user(self.users["engineering"])
        engineering.write(
            {
                "department_ids": [Command.set(self.departments["engineering"].ids)],
                "make": "make",
                "what_to_make": "CV-7 in stainless",
            }
        )
        engineering.action_schedule()
        self.env["sale.order.review.opinion"].with_user(self.users["process"]).create(
            {
                "meeting_id": meeting.id,
                "department_id": self.departments["engineering"].id,
                "position": "agree",
                "opinion": "Feasible",
            }
        )
        engineering.with_context(lang="en_US").action_resolve()
        activity = meeting.sudo().activity_ids
        self.assertEqual(activity.user_id, self.users["gm"])
        self.assertEqual(activity.summary, "请批准评审会的决议")
