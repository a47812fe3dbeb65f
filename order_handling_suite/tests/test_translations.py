# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every translatable term of the suite has a zh_CN translation.

The terms are exported by Odoo's own exporter (``TranslationModuleReader``,
what ``--i18n-export`` uses): code terms (``_()``, ``self.env._()``), field
labels/help/selections, views, QWeb templates, mail templates, menus and
other records with an XML id. Each addon's ``i18n/zh_CN.po`` must hold every
exported msgid with a non-empty, non-fuzzy msgstr, and ``i18n/<addon>.pot``
every exported msgid (the template others translate from).
"""

import os
import warnings

import polib

from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

LANG = "zh_CN"


def suite_addons():
    """The addons of the suite: this one and the addons it installs."""
    return sorted(
        ["order_handling_suite"] + get_manifest("order_handling_suite")["depends"]
    )


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.addons = suite_addons()
        cls.terms = {addon: set() for addon in cls.addons}
        with warnings.catch_warnings():
            # babel's extractor imports pkg_resources (deprecated by setuptools)
            warnings.filterwarnings("ignore", "pkg_resources", UserWarning)
            reader = TranslationModuleReader(cls.env.cr, modules=cls.addons)
        for module, _type, _name, _id, source, _value, _comments in reader:
            if module in cls.terms and source:
                cls.terms[module].add(source)

    def _po(self, addon, filename):
        path = os.path.join(get_module_path(addon), "i18n", filename)
        self.assertTrue(os.path.isfile(path), f"{addon}: {path} is missing")
        return polib.pofile(path)

    def test_every_addon_exports_terms(self):
        """The export itself works: an addon with models, views or menus has
        terms (otherwise the checks below would pass on nothing). A bridge of
        code only (installed by itself, no data file) may have none."""
        for addon in self.addons:
            manifest = get_manifest(addon)
            if addon == "order_handling_suite" or (
                manifest.get("auto_install") and not manifest.get("data")
            ):
                continue
            self.assertTrue(
                self.terms[addon], f"{addon}: no translatable term exported"
            )

    def test_zh_cn_complete(self):
        missing = []
        for addon in self.addons:
            translated = {
                entry.msgid
                for entry in self._po(addon, f"{LANG}.po")
                if not entry.obsolete and entry.msgstr.strip() and not entry.fuzzy
            }
            missing += [
                f"{addon}: {source!r}"
                for source in sorted(self.terms[addon] - translated)
            ]
        self.assertFalse(
            missing,
            f"{len(missing)} term(s) without a {LANG} translation (export with "
            f"--i18n-export --language={LANG} and fill the msgstr):\n"
            + "\n".join(missing),
        )

    def test_pot_in_sync(self):
        missing = []
        for addon in self.addons:
            template = {entry.msgid for entry in self._po(addon, f"{addon}.pot")}
            missing += [
                f"{addon}: {source!r}"
                for source in sorted(self.terms[addon] - template)
            ]
        self.assertFalse(
            missing,
            f"{len(missing)} term(s) missing from the .pot (export it again with "
            "--i18n-export --language=):\n" + "\n".join(missing),
        )


@tagged("post_install", "-at_install")
class TestInheritedSelectionsInChinese(TransactionCase):
    """Selections of the suite's mixins read in Chinese on every model that
    inherits them, whichever addon defines the model (a selection stored per
    model got only the mixin addon's translations, loaded before the model
    existed: English on reviews, plans, complaints)."""

    def test_sla_status_in_chinese_everywhere(self):
        self.env["res.lang"]._activate_lang(LANG)
        env = self.env(context={"lang": LANG})
        models = [
            name
            for name, model in self.env.registry.items()
            if not model._abstract and "sla_status" in model._fields
        ]
        self.assertGreaterEqual(len(models), 6, models)
        for name in models:
            labels = dict(env[name]._fields["sla_status"]._description_selection(env))
            self.assertEqual(labels["overdue"], "已超时", name)
            self.assertEqual(labels["on_time"], "按时", name)
