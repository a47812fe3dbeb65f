# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every button of the suite follows one rule for the form and the server.

``order.handling.button.mixin`` pairs a flag ``can_<step>`` (computed by
``_compute_can_buttons``), the rule ``_refuse_<step>`` and the button's
method ``action_<step>``, which calls ``_ensure_can("<step>")`` first. The
models, fields and views are found by introspection, so that a new document
or button is checked without touching this file:

* every flag computed by ``_compute_can_buttons`` has its rule and its
  method;
* no flag of the suite escapes the pattern: a Boolean of a suite addon named
  ``can_<step>`` beside an ``action_<step>``, or named ``<prefix>_can_<x>``
  (the old per-addon style), is computed by ``_compute_can_buttons``;
* each ``action_<step>`` asks ``_ensure_can("<step>")`` before anything else
  (called on an empty recordset with ``_ensure_can`` replaced by a probe:
  an action that reads, checks or writes before it fails here);
* each view button ``action_<step>`` of such a model is hidden by its flag.
"""

import re
from unittest.mock import patch

from lxml import etree

from odoo.tests import TransactionCase, tagged

from odoo.addons.order_handling_base.models.order_handling_button_mixin import (
    FLAG_COMPUTE,
    FLAG_PREFIX,
)
from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    is_suite_module,
)

OLD_STYLE_FLAG = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*_can_[a-z0-9_]+$")


class ProbeCalled(Exception):
    pass


def _probe(records, step):
    raise ProbeCalled(records._name, step)


@tagged("post_install", "-at_install")
class TestButtonRules(TransactionCase):
    def _suite_flags(self):
        """``{model: {field_name: field}}`` of the Boolean fields that the
        suite's addons define on any model."""
        result = {}
        for model_name in self.env.registry:
            Model = self.env[model_name]
            for name, field in Model._fields.items():
                if field.type != "boolean" or not is_suite_module(field._module):
                    continue
                if name.startswith(FLAG_PREFIX) or OLD_STYLE_FLAG.match(name):
                    result.setdefault(model_name, {})[name] = field
        return result

    def _steps(self):
        """``{model: [step, …]}`` of every model with button flags."""
        Mixin = self.env["order.handling.button.mixin"]
        steps = {}
        for model_name in self.env.registry:
            Model = self.env[model_name]
            if Model._abstract:
                continue
            found = Mixin._button_steps_of(Model)
            if found:
                steps[model_name] = found
        return steps

    def test_steps_are_found(self):
        """The introspection sees the suite's documents (a test over an empty
        set would prove nothing)."""
        steps = self._steps()
        self.assertIn("acknowledge", steps.get("order.handling.transfer", []))
        self.assertGreaterEqual(len(steps), 10, steps)
        self.assertGreaterEqual(sum(len(s) for s in steps.values()), 40, steps)

    def test_every_flag_has_its_rule_and_method(self):
        for model_name, steps in self._steps().items():
            Model = self.env[model_name]
            for step in steps:
                with self.subTest(model=model_name, step=step):
                    self.assertTrue(
                        callable(getattr(Model, f"_refuse_{step}", None)),
                        f"{model_name}.can_{step} has no rule _refuse_{step}",
                    )
                    self.assertTrue(
                        callable(getattr(Model, f"action_{step}", None)),
                        f"{model_name}.can_{step} has no method action_{step}",
                    )

    def test_no_flag_outside_the_pattern(self):
        for model_name, flags in self._suite_flags().items():
            Model = self.env[model_name]
            for name, field in flags.items():
                step = (
                    name[len(FLAG_PREFIX) :] if name.startswith(FLAG_PREFIX) else None
                )
                is_button_flag = OLD_STYLE_FLAG.match(name) or (
                    step and callable(getattr(Model, f"action_{step}", None))
                )
                if not is_button_flag:
                    continue
                with self.subTest(model=model_name, field=name):
                    self.assertTrue(
                        name.startswith(FLAG_PREFIX) and field.compute == FLAG_COMPUTE,
                        f"{model_name}.{name} is a button flag outside "
                        f"order.handling.button.mixin (named can_<step>, "
                        f"computed by {FLAG_COMPUTE})",
                    )

    def test_actions_ask_the_rule_first(self):
        checked = 0
        for model_name, steps in self._steps().items():
            Model = self.env[model_name]
            with patch.object(type(Model), "_ensure_can", _probe, create=False):
                for step in steps:
                    method = getattr(Model.browse(), f"action_{step}")
                    with self.subTest(model=model_name, step=step):
                        with self.assertRaises(
                            ProbeCalled,
                            msg=f"{model_name}.action_{step} does not call "
                            f"_ensure_can({step!r}) first",
                        ) as caught:
                            method()
                        self.assertEqual(caught.exception.args, (model_name, step))
                        checked += 1
        self.assertGreaterEqual(checked, 40)

    def test_view_buttons_are_hidden_by_their_flag(self):
        View = self.env["ir.ui.view"]
        checked = 0
        for model_name, steps in self._steps().items():
            Model = self.env[model_name]
            views = View.search(
                [
                    ("model", "=", model_name),
                    ("mode", "=", "primary"),
                    ("type", "in", ("form", "list", "kanban")),
                ]
            )
            for view in views:
                arch = Model.get_view(view.id, view.type)["arch"]
                root = etree.fromstring(arch)
                for button in root.iter("button"):
                    name = button.get("name") or ""
                    step = (
                        name[len("action_") :] if name.startswith("action_") else None
                    )
                    if button.get("type") != "object" or step not in steps:
                        continue
                    # a button of an embedded list of another model
                    if any(parent.tag == "field" for parent in button.iterancestors()):
                        continue
                    with self.subTest(model=model_name, view=view.xml_id, button=name):
                        self.assertIn(
                            f"can_{step}",
                            button.get("invisible") or "",
                            f"button {name} of view {view.xml_id} is not hidden "
                            f"by can_{step}",
                        )
                        checked += 1
        self.assertGreaterEqual(checked, 30)
