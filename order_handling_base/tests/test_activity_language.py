# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stored texts are written in their reader's language (issue 20).

An activity is stored once, for its assignee: ``schedule_activities``
writes it in the assignee's language, whoever (a cron, an English admin)
runs the step. OCA's ``tier.review.todo_by`` is computed when read, in the
reader's language."""

import re

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools.translate import LazyTranslate

from ..models.mail_batch import schedule_activities
from .common import OrderHandlingCommon

_lt = LazyTranslate(__name__)

TRANSFER = "order_handling_base.mail_activity_type_transfer"
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def latin_words(text, names=()):
    """The Latin words of ``text`` once the document names and numbers
    (``names``; S00012, TS/2026/00001) are taken out."""
    for name in names:
        text = text.replace(name, "")
    return LATIN_WORD.findall(text or "")


class ActivityLanguageCommon(OrderHandlingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["order_handling_base"], ["zh_CN"], overwrite=True
        )
        cls.zh_user = new_test_user(
            cls.env, "oh_lang_zh", groups="order_handling_base.group_user", lang="zh_CN"
        )
        cls.en_user = new_test_user(
            cls.env, "oh_lang_en", groups="order_handling_base.group_user", lang="en_US"
        )
        # the acting env: a cron or an English administrator
        cls.en_env = cls.env(context=dict(cls.env.context, lang="en_US"))


@tagged("post_install", "-at_install")
class TestActivityLanguage(ActivityLanguageCommon):
    def _schedule(self, **values):
        order = self.order.with_env(self.en_env)
        activities = schedule_activities(
            [(order, self.zh_user), (order, self.en_user)], TRANSFER, **values
        )
        self.assertEqual(activities.user_id, self.zh_user | self.en_user)
        return {
            activity.user_id.login: activity
            for activity in activities.with_context(lang="en_US")
        }

    def test_type_summary_in_the_assignees_language(self):
        """The type's summary (a translated field) is read in each
        assignee's language, not in the acting env's."""
        activities = self._schedule()
        self.assertEqual(activities["oh_lang_zh"].summary, "请签收转交来的单据")
        self.assertEqual(
            activities["oh_lang_en"].summary, "Acknowledge the transferred document"
        )

    def test_lazy_summary_in_the_assignees_language(self):
        """A summary given as ``_lt(...)`` with an argument is translated for
        each assignee; a plain string stays as given."""
        activities = self._schedule(
            summary=_lt("Approve %(document)s", document=self.order.name),
            note="<p>As given</p>",
        )
        self.assertEqual(activities["oh_lang_zh"].summary, f"审批{self.order.name}")
        self.assertEqual(activities["oh_lang_en"].summary, f"Approve {self.order.name}")
        for activity in activities.values():
            self.assertEqual(str(activity.note), "<p>As given</p>")

    def test_callable_summary_gets_the_assignees_env(self):
        """A callable summary is called with the env in the assignee's
        language (for texts built from translated fields)."""
        activities = self._schedule(
            summary=lambda env: env._(
                "Approve %(document)s",
                document=env.ref(TRANSFER).name,
            )
        )
        self.assertEqual(activities["oh_lang_zh"].summary, "审批签收转交")
        self.assertEqual(
            activities["oh_lang_en"].summary, "Approve Acknowledge Transfer"
        )

    def test_own_values_are_translated_per_assignee(self):
        order = self.order.with_env(self.en_env)
        activities = schedule_activities(
            [
                (order, user, {"summary": _lt("Acknowledge the transferred document")})
                for user in (self.zh_user, self.en_user)
            ],
            TRANSFER,
        )
        self.assertEqual(
            sorted(activities.mapped("summary")),
            ["Acknowledge the transferred document", "请签收转交来的单据"],
        )

    def test_one_language_costs_no_more_than_before(self):
        """The users' languages are read with the batch; a second language
        costs one read of the type more, the first none."""
        order = self.order.with_env(self.en_env)
        en_other = new_test_user(
            self.env, "oh_lang_en2", groups="order_handling_base.group_user"
        )
        users = self.en_user | en_other | self.zh_user

        def count(assignees):
            self.env.flush_all()
            self.env.invalidate_all()
            users.mapped("lang")
            order.mapped("name")
            before = self.cr.sql_log_count
            schedule_activities([(order, user) for user in assignees], TRANSFER)
            self.env.flush_all()
            return self.cr.sql_log_count - before

        count([self.en_user])  # warm the registry caches (xml ids, models)
        one_lang = count([self.en_user, en_other])
        self.assertEqual(count([self.en_user, self.zh_user]), one_lang + 1)


@tagged("post_install", "-at_install")
class TestFlowActivityLanguage(ActivityLanguageCommon):
    def test_transfer_activity_in_the_department_managers_language(self):
        """A clerk working in English transfers an order to the quality
        department, whose responsible reads Chinese: the responsible's
        activity is Chinese, the English warehouse responsible's English."""
        self.users["quality"].lang = "zh_CN"
        self.users["clerk"].lang = "en_US"
        slips = self._transfer(["quality", "warehouse"])
        activities = (
            self.env["mail.activity"]
            .with_context(lang="en_US")
            .search([("res_model", "=", slips._name), ("res_id", "in", slips.ids)])
        )
        zh_activities = activities.filtered(
            lambda act: act.user_id == self.users["quality"]
        )
        self.assertTrue(zh_activities)
        names = slips.mapped("name") + [self.order.name]
        for activity in zh_activities:
            self.assertFalse(latin_words(activity.summary, names), activity.summary)
            self.assertFalse(
                latin_words(str(activity.note or ""), names), activity.note
            )
        en_activity = activities - zh_activities
        self.assertEqual(en_activity.summary, "Acknowledge the transferred document")


@tagged("post_install", "-at_install")
class TestTodoByLanguage(ActivityLanguageCommon):
    def test_todo_by_in_the_readers_language(self):
        """``todo_by`` (who is to approve) is built when read, in the
        reader's language, not stored in the requester's."""
        group = self.env.ref("order_handling_base.group_sales_head")
        definition = self.env["tier.definition"].create(
            {
                "name": "Partner check",
                "model_id": self.env.ref("base.model_res_partner").id,
                "review_type": "group",
                "reviewer_group_id": group.id,
            }
        )
        review = (
            self.env["tier.review"]
            .with_context(lang="en_US")
            .create(
                {
                    "model": "res.partner",
                    "res_id": self.partner.id,
                    "definition_id": definition.id,
                    "requested_by": self.users["sales"].id,
                    "sequence": 1,
                }
            )
        )
        self.env.flush_all()
        en_name = group.with_context(lang="en_US").name
        zh_name = group.with_context(lang="zh_CN").name
        self.assertNotEqual(en_name, zh_name)
        self.assertEqual(review.with_context(lang="en_US").todo_by, f"Group {en_name}")
        zh_review = review.with_user(self.zh_user).with_context(lang="zh_CN")
        self.assertEqual(zh_review.todo_by, f"{zh_name}（组）")
        # as OCA's widget reads it
        self.assertEqual(
            zh_review.web_read({"todo_by": {}})[0]["todo_by"], f"{zh_name}（组）"
        )

    def test_todo_by_names_the_reviewers(self):
        users = [
            new_test_user(
                self.env, f"oh_rev{i}", groups="order_handling_base.group_user"
            )
            for i in range(5)
        ]
        definition = self.env["tier.definition"].create(
            {
                "name": "Partner check",
                "model_id": self.env.ref("base.model_res_partner").id,
                "review_type": "individual",
                "reviewer_id": users[0].id,
            }
        )
        review = self.env["tier.review"].create(
            {
                "model": "res.partner",
                "res_id": self.partner.id,
                "definition_id": definition.id,
                "sequence": 1,
            }
        )
        review.reviewer_ids = [Command.set([user.id for user in users])]
        self.assertEqual(
            review.with_context(lang="en_US").todo_by,
            ", ".join(u.name for u in users[:3]) + " (and 2 more)",
        )
        self.assertEqual(
            review.with_context(lang="zh_CN").todo_by,
            ", ".join(u.name for u in users[:3]) + "（另有 2 人）",
        )
