# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import Command
from odoo.tests import Form, tagged
from odoo.tools import format_datetime

from .governance_common import GovernanceCommon
from .test_approval import BIG, ApprovalCommon


class NoteLanguageMixin:
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.company.partner_id.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        cls.users["sales"].write({"lang": "en_US", "tz": "Europe/Paris"})


@tagged("post_install", "-at_install")
class TestRestartNoteLanguage(NoteLanguageMixin, ApprovalCommon):
    """The notes the server posts (DEVELOP.md of order_handling_base, "Texts
    the server writes") are in the language of the person who acts, in the
    company's language when the system acts: the R7.1 restart note."""

    def _restart_note(self, order, price, actor):
        actor.write(
            {"order_line": [Command.update(order.order_line.id, {"price_unit": price})]}
        )
        notes = order.message_ids.filtered(
            lambda m: (
                "审批已重新开始" in (m.body or "") or "restarted" in (m.body or "")
            )
        )
        return str(notes[:1].body)

    def test_restart_note_in_the_actors_or_the_companys_language(self):
        """R7.1: the note of a restarted approval."""
        order = self._quotation(price=BIG)
        order.with_user(self.users["sales"]).request_validation()
        # the salesperson, working in English: English
        sales = order.with_user(self.users["sales"]).with_context(lang="en_US")
        body = self._restart_note(order, BIG + 1, sales)
        self.assertIn("The approval was restarted:", body)
        # the system (the superuser, whom scheduled actions run as): the
        # company's language, Chinese
        actor = order.with_context(lang="en_US")
        body = self._restart_note(order, BIG + 2, actor)
        self.assertIn("审批已重新开始：", body)
        self.assertNotIn("restarted", body)


@tagged("post_install", "-at_install")
class TestChangeNoticeLanguage(NoteLanguageMixin, GovernanceCommon):
    """The R7.2 change notice in the language of the person who applies the
    change, in the company's when the system does."""

    def _applied_change(self, applier):
        order = self._confirmed_order()
        new_date = datetime(2027, 3, 15, 20, 30)
        form = Form(
            self.env["sale.order.change.request"]
            .with_user(self.users["sales"])
            .with_context(default_order_id=order.id)
        )
        form.reason = "The customer needs it later."
        form.new_commitment_date = new_date
        request = form.save()
        request.with_user(self.users["sales"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        applier(request).action_apply()
        self.assertEqual(request.state, "applied")
        notice = request.sudo().message_ids.filtered(
            lambda m: "<table" in str(m.body or "")
        )
        self.assertEqual(len(notice), 1)
        return str(notice.body), new_date

    def test_change_notice_in_the_actors_or_the_companys_language(self):
        """R7.2: the before/after notice of an applied change, its date in
        the note's language and time zone."""
        # applied by the salesperson, in English and in their time zone
        body, new_date = self._applied_change(
            lambda r: r.with_user(self.users["sales"]).with_context(lang="en_US")
        )
        self.assertIn("<th>Before</th>", body)
        expected = format_datetime(
            self.env(context={"lang": "en_US"}), new_date, tz="Europe/Paris"
        )
        self.assertIn("9:30", expected)
        self.assertIn(expected, body)
        # applied by the system: the company's language and time zone
        body, new_date = self._applied_change(
            lambda r: r.with_env(self.env(context=dict(self.env.context, lang="en_US")))
        )
        self.assertIn("<th>变更前</th>", body)
        self.assertIn("交货日期", body)
        expected = format_datetime(
            self.env(context={"lang": "zh_CN"}), new_date, tz="Asia/Shanghai"
        )
        self.assertIn("3月16日", expected)
        self.assertIn(expected, body)


@tagged("post_install", "-at_install")
class TestDepartmentNoticeLanguage(NoteLanguageMixin, GovernanceCommon):
    """R7.2 / R7.3: the departments' note on the order's copy is one text
    (the applier's language), each responsible's activity is in the
    responsible's own language."""

    def test_activity_in_the_responsibles_language(self):
        self.users["warehouse"].lang = "zh_CN"
        self.users["workshop"].lang = "en_US"
        order = self._confirmed_order(transfer=("warehouse", "production"))
        form = Form(
            self.env["sale.order.change.request"]
            .with_user(self.users["sales"])
            .with_context(default_order_id=order.id)
        )
        form.reason = "The customer needs it later."
        form.new_commitment_date = datetime(2027, 3, 15, 20, 30)
        request = form.save()
        request.with_user(self.users["sales"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        request.with_user(self.users["sales"]).with_context(lang="en_US").action_apply()
        notice = self.env.ref("sale_order_governance.mail_activity_type_order_notice")
        copy = self.env["sale.order.copy"].browse(order.id)
        activities = copy.activity_ids.filtered(lambda a: a.activity_type_id == notice)
        zh = activities.filtered(lambda a: a.user_id == self.users["warehouse"])
        en = activities.filtered(lambda a: a.user_id == self.users["workshop"])
        self.assertIn("变更前", str(zh.note))
        self.assertNotIn("Before", str(zh.note))
        self.assertNotIn("changed", zh.summary)
        self.assertIn("Before", str(en.note))
        self.assertIn("changed", en.summary)
        # the note on the copy: the applier's language
        message = copy.message_ids.filtered(lambda m: request.name in (m.body or ""))
        self.assertIn("Before", str(message[:1].body))
