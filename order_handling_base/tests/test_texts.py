# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import new_test_user, tagged
from odoo.tools.translate import LazyTranslate

from ..models.texts import is_system_actor, note_env, set_generated_names
from .common import OrderHandlingCommon

_lt = LazyTranslate("order_handling_base")


@tagged("post_install", "-at_install")
class TestTexts(OrderHandlingCommon):
    """Texts the server writes (DEVELOP.md): generated names in every active
    language, notes in the acting person's language or the company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.tags = cls.env["res.partner.category"].create(
            [{"name": f"Tag {i}"} for i in range(3)]
        )

    def test_generated_names_in_every_language_in_one_query(self):
        texts = [_lt("Unknown document type %s.", f"D{i}") for i in range(3)]
        self.env.flush_all()
        statements = []
        execute = type(self.env.cr).execute

        def counting(cr, query, params=None, log_exceptions=True):
            statements.append(str(query))
            return execute(cr, query, params, log_exceptions)

        with patch.object(type(self.env.cr), "execute", counting):
            set_generated_names(self.tags, "name", texts)
        # one UPDATE for all records and languages (other addons' fields
        # that depend on the name may look up their records, as for any
        # write of it)
        updates = [query for query in statements if "UPDATE" in query]
        self.assertEqual(len(updates), 1, statements)
        self.assertIn("res_partner_category", updates[0])
        for tag, i in zip(self.tags, range(3), strict=True):
            self.assertEqual(
                tag.with_context(lang="en_US").name, f"Unknown document type D{i}."
            )
            self.assertEqual(
                tag.with_context(lang="zh_CN").name, f"未知的单据类型 D{i}。"
            )
        # the name a user edits is their language's
        self.tags[0].with_context(lang="zh_CN").name = "自定义"
        self.assertEqual(self.tags[0].with_context(lang="zh_CN").name, "自定义")
        self.assertEqual(
            self.tags[0].with_context(lang="en_US").name, "Unknown document type D0."
        )
        # generated again: every language replaced
        set_generated_names(self.tags[0], "name", _lt("Unknown document type %s.", "X"))
        self.assertEqual(
            self.tags[0].with_context(lang="zh_CN").name, "未知的单据类型 X。"
        )
        # only a stored translated field
        with self.assertRaises(TypeError):
            set_generated_names(self.partner, "name", "Acme")

    def test_note_language_follows_the_actor(self):
        self.company.partner_id.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        order = self.env["sale.order"].browse(self.order.id)
        sales = self.users["sales"]
        person = order.with_user(sales).with_context(lang="en_US")
        self.assertFalse(is_system_actor(person.env))
        # a person acting: their language (and their time zone: none set in
        # the context, ``format_datetime`` takes the user's)
        self.assertEqual(note_env(person).lang, "en_US")
        self.assertFalse(note_env(person).context.get("tz"))
        # the system acting: the company's language and time zone
        portal = new_test_user(self.env, "oh_portal_texts", groups="base.group_portal")
        # a context key a client may send changes nothing
        for key in ("cron_id", "ir_cron_progress_id"):
            self.assertFalse(is_system_actor(person.with_context(**{key: 1}).env))
        for system in (
            order.with_context(lang="en_US"),  # the superuser (OdooBot, crons)
            order.with_user(portal).with_context(lang="en_US"),
        ):
            self.assertTrue(is_system_actor(system.env), system.env.uid)
            env = note_env(system)
            self.assertEqual(env.lang, "zh_CN", system.env.uid)
            self.assertEqual(env.context["tz"], "Asia/Shanghai")
            self.assertEqual(env.su, system.env.su)
            self.assertEqual(env.uid, system.env.uid)
        # a company language that is no longer active: the acting env's
        self.env.cr.execute(
            "UPDATE res_partner SET lang = 'fr_FR' WHERE id = %s",
            [self.company.partner_id.id],
        )
        self.company.partner_id.invalidate_recordset(["lang"])
        self.assertEqual(note_env(order.with_context(lang="en_US")).lang, "en_US")
