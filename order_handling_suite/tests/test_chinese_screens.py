# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""No English on the suite's screens for a zh_CN user (issue 20, item 4).

Every form, list, kanban, search, pivot, graph and calendar view of the
suite's addons (primary or inherited) is read as a zh_CN user sees it: the
texts of its own architecture (labels, buttons, help, placeholders,
confirmations, text nodes) and the labels and choices of the suite's fields
it shows. A text with Latin letters and no Chinese character is English left
on a screen. The .po test proves each term has a msgstr; this one proves the
user meets it: terms of inherited models, OCA fields on suite documents and
strings built outside the exporter's reach.
"""

import re

from lxml import etree

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged

LANG = "zh_CN"
VIEW_TYPES = ("form", "list", "kanban", "search", "pivot", "graph", "calendar")
TEXT_ATTRIBUTES = ("string", "help", "placeholder", "confirm", "title", "sum")
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}")
# what is written the same in Chinese: acronyms and product names
SAME_IN_CHINESE = {
    "8D",
    "CRM",
    "D1",
    "D2",
    "D3",
    "D4",
    "D5",
    "D6",
    "D7",
    "D8",
    "EDI",
    "HMAC",
    "ID",
    "KPI",
    "Odoo",
    "PDF",
    "RMA",
    "SHA",
    "SKU",
    "URL",
    "kg",
    "min",
}


def suite_addons():
    """The suite's own addons (built on order_handling_base)."""
    depends = get_manifest("order_handling_suite")["depends"]
    return {
        addon
        for addon in depends
        if addon == "order_handling_base"
        or "order_handling_base" in _all_depends(addon)
    } | {"order_handling_suite"}


def _all_depends(addon, seen=None):
    seen = set() if seen is None else seen
    for dep in get_manifest(addon).get("depends", []):
        if dep not in seen:
            seen.add(dep)
            _all_depends(dep, seen)
    return seen


def is_english(text):
    """Latin words and no Chinese character, beyond what Chinese writes the
    same (acronyms, units)."""
    if not text or CJK.search(text):
        return False
    return any(word not in SAME_IN_CHINESE for word in LATIN.findall(text))


@tagged("post_install", "-at_install")
class TestChineseScreens(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang(LANG)
        installed = (
            cls.env["ir.module.module"]
            .search([("state", "=", "installed")])
            .mapped("name")
        )
        cls.env["ir.module.module"]._load_module_terms(
            installed, [LANG], overwrite=True
        )
        cls.addons = suite_addons()
        cls.zh = cls.env(context={"lang": LANG})
        data = cls.env["ir.model.data"].search(
            [("module", "in", sorted(cls.addons)), ("model", "=", "ir.ui.view")]
        )
        cls.views = (
            cls.zh["ir.ui.view"]
            .browse(data.mapped("res_id"))
            .filtered(lambda v: v.type in VIEW_TYPES)
        )
        field_data = cls.env["ir.model.data"].search(
            [
                ("module", "in", sorted(cls.addons)),
                ("model", "=", "ir.model.fields"),
            ]
        )
        fields = cls.env["ir.model.fields"].browse(field_data.mapped("res_id"))
        # (model, field name) the suite declares: their labels are the suite's
        cls.suite_fields = {(f.model, f.name) for f in fields}

    def _texts_of_arch(self, view):
        """(where, text) of what the view's own architecture shows."""
        arch = etree.fromstring(view.arch_db.encode())
        for node in arch.iter():
            if not isinstance(node.tag, str):
                continue
            if node.get("invisible") in ("1", "True") or node.get(
                "column_invisible"
            ) in ("1", "True"):
                continue
            for attribute in TEXT_ATTRIBUTES:
                if attribute == "sum" and node.tag != "field":
                    continue
                value = node.get(attribute)
                if value and not value.startswith(("%(", "{", "[")):
                    yield f"<{node.tag} {attribute}>", value
            if node.tag in ("field", "attribute", "xpath", "t"):
                continue
            for text in (node.text, node.tail):
                if text and text.strip() and "{{" not in text:
                    yield f"<{node.tag}> text", text.strip()

    def _fields_shown(self, view):
        arch = etree.fromstring(view.arch_db.encode())
        for node in arch.iter("field"):
            if node.get("invisible") in ("1", "True") or node.get(
                "column_invisible"
            ) in ("1", "True"):
                continue
            if node.getparent() is not None and node.getparent().tag in (
                "templates",
                "t",
            ):
                continue
            if node.get("string") or not node.get("name"):
                continue
            yield node.get("name")

    def test_suite_views_are_chinese(self):
        """Every suite view read as a zh_CN user shows no English text."""
        self.assertGreater(len(self.views), 100, "the suite's views were found")
        english = []
        for view in self.views:
            where = f"{view.xml_id or view.name} ({view.model})"
            for place, text in self._texts_of_arch(view):
                if is_english(text):
                    english.append(f"{where} {place}: {text!r}")
        self.assertFalse(
            english,
            f"{len(english)} English text(s) on suite screens in {LANG}:\n"
            + "\n".join(sorted(set(english))),
        )

    def test_suite_field_labels_are_chinese(self):
        """Labels and choices of the suite's fields shown on its views read
        in Chinese (including fields the suite adds to Odoo's models and the
        fields of mixins on suite documents)."""
        english = set()
        descriptions = {}
        for view in self.views:
            model = self.zh.get(view.model)
            if model is None:
                continue
            if view.model not in descriptions:
                descriptions[view.model] = model.fields_get(
                    attributes=["string", "selection", "type"]
                )
            described = descriptions[view.model]
            for name in self._fields_shown(view):
                if (view.model, name) not in self.suite_fields:
                    continue
                field = described.get(name)
                if not field:
                    continue
                if is_english(field["string"]):
                    english.add(f"{view.model}.{name}: {field['string']!r}")
                for value, label in field.get("selection") or []:
                    if is_english(label):
                        english.add(f"{view.model}.{name} = {value}: {label!r}")
        self.assertFalse(
            english,
            f"{len(english)} English field label(s) on suite screens in {LANG}:\n"
            + "\n".join(sorted(english)),
        )

    def test_the_check_sees_english(self):
        """The rule itself: English is found, Chinese and acronyms are not."""
        self.assertTrue(is_english("Assess Urgency"))
        self.assertTrue(is_english("On Time"))
        self.assertFalse(is_english("评估紧急程度"))
        self.assertFalse(is_english("8D 报告"))
        self.assertFalse(is_english("RMA"))
        self.assertFalse(is_english("12 kg"))
