# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Approvals and returns speak Chinese (issue 20).

OCA ``base_tier_validation``, ``sale_tier_validation``, ``rma`` and
``rma_sale`` leave most of their zh_CN untranslated. The suite ships the
missing terms in ``i18n_extra/zh_CN.po`` of the addon that depends on them
(``order_handling_base``, ``sale_order_governance``, ``sale_customer_care``):
Odoo loads ``<addon>/i18n_extra/<lang>.po`` of every installed addon, applies
its model terms to the records their XML ids name (fields, selections, views,
menus of the OCA addon) and adds its JS terms to the web client's one
dictionary. Python strings of OCA code stay English (code translations are
read from the addon's own files only), except the tier banner, the
approval steps' chatter texts and the "Next:" label, rebuilt by
``order_handling_base`` on the suite's documents (their Chinese for OCA
itself: ``docs/upstream/``).
"""

import os
import re

import polib
from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tests import tagged

from odoo.addons.sale_order_governance.tests.test_approval import BIG, ApprovalCommon

LANG = "zh_CN"
OCA_ADDONS = ["base_tier_validation", "sale_tier_validation", "rma", "rma_sale"]
SUITE_EXTRA = ["order_handling_base", "sale_order_governance", "sale_customer_care"]


def _po(addon, folder, filename):
    path = os.path.join(get_module_path(addon), folder, filename)
    return polib.pofile(path) if os.path.isfile(path) else []


def _is_python_only(entry):
    """A term only Python code of its addon uses (``#. odoo-python``)."""
    return all(path.startswith("code:") for path, _line in entry.occurrences) and (
        "odoo-javascript" not in entry.comment
    )


@tagged("post_install", "-at_install")
class TestOcaChinese(ApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang(LANG)
        # what an install or upgrade does for an installed language: the OCA
        # files, then ours (dependency order), existing translations kept
        # (``sale`` for the model's name in the banner)
        cls.env["ir.module.module"].search(
            [("name", "in", ["sale", *OCA_ADDONS, *SUITE_EXTRA])]
        )._update_translations([LANG])
        cls.zh = cls.env(context=dict(cls.env.context, lang=LANG))

    # --------------------------------------------------------------- rma

    def test_rma_views_fields_and_selection(self):
        views = self.zh["rma"].get_views([(False, "form"), (False, "list")])
        fields = views["models"]["rma"]["fields"]
        self.assertEqual(fields["operation_id"]["string"], "申请的处理方式")
        self.assertEqual(fields["reception_move_id"]["string"], "收货库存移动")
        self.assertEqual(fields["deadline"]["string"], "截止日期")
        state = dict(self.zh["rma"].fields_get(["state"])["state"]["selection"])
        self.assertEqual(state["received"], "已收货")
        self.assertEqual(state["waiting_replacement"], "等待换货")
        form = views["views"]["form"]["arch"]
        for button in ("拆分", "退回客户", "创建收货单"):
            self.assertIn(f'string="{button}"', form)
        self.assertNotIn('string="Split"', form)
        self.assertEqual(self.zh.ref("rma.rma_menu").name, "退货单")
        self.assertEqual(self.zh.ref("rma.rma_orders_menu").name, "订单")

    def test_rma_sale_fields(self):
        fields = self.zh["sale.order"].fields_get(["rma_count"])
        self.assertEqual(fields["rma_count"]["string"], "退货单数")

    # -------------------------------------------------------------- tiers

    def test_tier_buttons_in_the_quotation_form(self):
        form = etree.fromstring(
            self.zh["sale.order"].get_view(view_type="form")["arch"]
        )
        buttons = {
            button.get("name"): button.get("string") for button in form.iter("button")
        }
        self.assertEqual(buttons["request_validation"], "发起审批")
        self.assertEqual(buttons["restart_validation"], "重新发起审批")
        self.assertEqual(buttons["validate_tier"], "批准")
        self.assertEqual(buttons["reject_tier"], "驳回")
        self.assertIn("此记录需要审批。", "".join(form.itertext()))
        fields = self.zh["sale.order"].fields_get(["validation_status", "can_review"])
        self.assertEqual(fields["validation_status"]["string"], "审批状态")
        self.assertEqual(fields["can_review"]["string"], "可审批")

    def test_banner_of_a_quotation_under_approval(self):
        order = self._quotation(price=BIG)
        order.with_user(self.users["sales"]).request_validation()
        self.env.invalidate_all()
        self.assertIn(
            '<i class="fa fa-info-circle"></i> This Sales Order needs to be validated',
            order.with_context(lang="en_US").to_validate_message,
        )
        self.env.invalidate_all()
        self.assertIn(
            '<i class="fa fa-info-circle"></i> 此销售订单需要审批',
            order.with_context(lang=LANG).to_validate_message,
        )
        self.assertFalse(order.with_context(lang=LANG).validated_message)
        order.with_user(self.users["saleshead"]).validate_tier()
        self.env.invalidate_all()
        self.assertEqual(order.validation_status, "validated")
        self.assertIn(
            '<i class="fa fa-thumbs-up"></i> 审批已<b>通过</b>！',
            order.with_context(lang=LANG).validated_message,
        )

        rejected = self._quotation(price=BIG)
        rejected.with_user(self.users["sales"]).request_validation()
        rejected.with_user(self.users["saleshead"]).reject_tier()
        self.env.invalidate_all()
        self.assertEqual(rejected.validation_status, "rejected")
        self.assertIn(
            '<i class="fa fa-thumbs-down"></i> 审批已<b>驳回</b>。',
            rejected.with_context(lang=LANG).rejected_message,
        )

    def test_approval_chatter_in_the_actors_language(self):
        """OCA's chatter texts of the approval steps and its "Next:" label,
        rebuilt by ``order_handling_base`` on the suite's documents: a
        salesperson and a sales head who read Chinese write Chinese notes
        (the web client sends the user's language in the context)."""
        self.env["tier.definition"].search([("model", "=", "sale.order")]).write(
            {
                "notify_on_create": True,
                "notify_on_accepted": True,
                "notify_on_rejected": True,
            }
        )

        def as_zh(records, role):
            return records.with_user(self.users[role]).with_context(lang=LANG)

        order = self._quotation(price=BIG)
        as_zh(order, "sales").request_validation()
        self.env.invalidate_all()
        self.assertIn("下一审批：", order.with_context(lang=LANG).next_review)
        as_zh(order, "saleshead").validate_tier()
        rejected = self._quotation(price=BIG)
        as_zh(rejected, "sales").request_validation()
        as_zh(rejected, "saleshead").reject_tier()
        bodies = " ".join(
            str(body) for body in (order | rejected).message_ids.mapped("body") if body
        )
        self.assertIn("创建了一条待审批的记录", bodies)
        for english in (
            "A record to be reviewed",
            "A review has been requested",
            "A review was accepted",
            "A review was rejected",
        ):
            self.assertNotIn(english, bodies)
        # an English reader of the same step gets English
        english = self._quotation(price=BIG)
        english.with_user(self.users["sales"]).with_context(
            lang="en_US"
        ).request_validation()
        self.env.invalidate_all()
        self.assertIn("Next:", english.with_context(lang="en_US").next_review)
        self.assertIn(
            "A record to be reviewed has been created",
            " ".join(str(body) for body in english.message_ids.mapped("body")),
        )

    # ----------------------------------------------------------------- JS

    def test_js_terms_in_the_web_client_dictionary(self):
        """The web client merges the JS terms of every module into one
        dictionary (``translatedTerms``): ours translate OCA's widget."""
        modules = list(self.env.registry._init_modules)
        per_module, _params = self.env["ir.http"].get_translations_for_webclient(
            modules, LANG
        )
        terms = {
            message["id"]: message["string"]
            for module in modules
            for message in per_module[module]["messages"]
        }
        self.assertEqual(terms.get("Todo by"), "待审批人")
        self.assertEqual(terms.get("Pending"), "待审批")
        ours = {
            message["id"] for message in per_module["order_handling_base"]["messages"]
        }
        self.assertIn("Todo by", ours)

    # ------------------------------------------------------- completeness

    def test_every_oca_term_has_chinese(self):
        """Each term of the OCA templates (``.pot``) but Python code strings
        has a zh_CN msgstr in the OCA file or in one of ours."""
        translated = set()
        for addon in OCA_ADDONS:
            translated |= {
                entry.msgid
                for entry in _po(addon, "i18n", f"{LANG}.po")
                if entry.msgstr.strip() and not entry.fuzzy and not entry.obsolete
            }
        for addon in SUITE_EXTRA:
            translated |= {
                entry.msgid
                for entry in _po(addon, "i18n_extra", f"{LANG}.po")
                if entry.msgstr.strip() and not entry.fuzzy
            }
        missing = []
        for addon in OCA_ADDONS:
            template = _po(addon, "i18n", f"{addon}.pot")
            self.assertTrue(template, f"{addon}: no .pot")
            missing += [
                f"{addon}: {entry.msgid!r}"
                for entry in template
                if entry.msgid not in translated and not _is_python_only(entry)
            ]
        self.assertFalse(missing, "\n".join(missing))

    def test_extra_files_name_existing_records(self):
        """Every model term of our files names a record that exists (a typo
        in an XML id would leave the term silently English)."""
        occurrence = re.compile(r"(model|model_terms):([\w.]+),(\w+):(\w+)\.(\S+)")
        Data = self.env["ir.model.data"]
        unknown = []
        for addon in SUITE_EXTRA:
            for entry in _po(addon, "i18n_extra", f"{LANG}.po"):
                for path, _line in entry.occurrences:
                    match = occurrence.match(path)
                    if match and not Data._xmlid_to_res_id(
                        f"{match[4]}.{match[5]}", raise_if_not_found=False
                    ):
                        unknown.append(f"{addon}: {path}")
        self.assertFalse(unknown, "\n".join(unknown))
