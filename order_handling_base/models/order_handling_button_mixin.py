# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_list

#: the compute of every button flag of the suite (see the mixin's docstring)
FLAG_COMPUTE = "_compute_can_buttons"
FLAG_PREFIX = "can_"


class OrderHandlingButtonMixin(models.AbstractModel):
    """One rule per button, read by the form and enforced by the server.

    As OCA ``rma`` pairs ``can_be_returned`` with ``_ensure_can_be_returned``,
    a button ``step`` of a document of the suite is three names:

    * ``_refuse_<step>(self)``: the rule, for one record: why the current
      user may not press the button on it now (a sentence in the user's
      language, or an exception to raise as is, e.g. an ``AccessError``),
      or a false value when the step is open;
    * ``can_<step>``, a Boolean flag computed by ``_compute_can_buttons``
      from that rule, that hides the button in the views
      (``invisible="not can_<step>"``);
    * ``action_<step>``, the button's method, whose first business line is
      ``self._ensure_can("<step>")``: over RPC the same rule refuses what
      the form hides, with its own sentence, before anything is written::

        can_acknowledge = fields.Boolean(compute="_compute_can_buttons")

        def _refuse_acknowledge(self):
            return self._refuse_unless_state("sent") or self._refuse_unless_groups(
                roles.CUSTOMER_SERVICE
            )

        def action_acknowledge(self):
            self._ensure_can("acknowledge")
            ...

    What the rule cannot know before the click (a reason the user types, a
    field to fill first) is checked by the action after ``_ensure_can`` and
    says what is missing: the button stays visible so that the user learns
    it. Several addons may add flags to one model (``sale.order``): each
    declares its own fields with the same compute, and the compute finds
    every flag of the model.
    """

    _name = "order.handling.button.mixin"
    _description = "Order Handling Buttons"

    @api.depends_context("uid", "lang")
    def _compute_can_buttons(self):
        steps = self._button_steps()
        for record in self:
            for step in steps:
                record[FLAG_PREFIX + step] = not record._button_refusal(step)

    @classmethod
    def _button_steps_of(cls, model):
        return [
            name[len(FLAG_PREFIX) :]
            for name, field in model._fields.items()
            if field.compute == FLAG_COMPUTE and name.startswith(FLAG_PREFIX)
        ]

    def _button_steps(self):
        """The steps of the model's buttons: its ``can_<step>`` flags."""
        return self._button_steps_of(self)

    def _button_refusal(self, step):
        """The rule of button ``step`` for one record (``_refuse_<step>``)."""
        self.ensure_one()
        return getattr(self, f"_refuse_{step}")()

    def _ensure_can(self, step):
        """Refuse button ``step`` on ``self`` as its flag hides it: raise
        the rule's sentence for the first record it refuses."""
        for record in self:
            refusal = record._button_refusal(step)
            if not refusal:
                continue
            if isinstance(refusal, Exception):
                raise refusal
            raise UserError(refusal)
        return True

    # ------------------------------------------------------------------
    # Sentences of the usual rules
    # ------------------------------------------------------------------

    def _button_document_name(self):
        """The document's name in the user's language (``_description`` is
        the untranslated source)."""
        return self.env["ir.model"]._get(self._name).name or self._description

    def _refuse_unless_state(self, *states, field="state"):
        """The rule "only in these states": a sentence naming the
        document's state, or ``""``."""
        self.ensure_one()
        current = self[field]
        if current in states:
            return ""
        labels = dict(self._fields[field]._description_selection(self.env))
        return self.env._(
            "%(document)s %(name)s is %(state)s: this step is not possible now.",
            document=self._button_document_name(),
            name=self.display_name,
            state=labels.get(current, current or self.env._("not started")),
        )

    def _refuse_unless_groups(self, *groups):
        """The rule "only these roles" (xml ids of groups) for one record:
        an ``AccessError`` naming the roles and the document, or ``""``. The
        superuser (the server's own steps) passes."""
        user = self.env.user
        if self.env.su or any(user.has_group(group) for group in groups):
            return ""
        names = [
            group.name
            for group in (
                self.env.ref(xmlid, raise_if_not_found=False) for xmlid in groups
            )
            if group
        ]
        return AccessError(
            self.env._(
                "Only %(roles)s can do this on %(document)s %(name)s.",
                # joined as the user's language joins alternatives ("A or B")
                roles=format_list(self.env, names, style="or"),
                document=self._button_document_name(),
                # read in sudo: a role that cannot read the record gets this
                # sentence, not Odoo's generic access error
                name=self.sudo().display_name,
            )
        )

    def _refuse_unless_access(self, operation):
        """The access rights and record rules of ``operation`` on one
        record: an ``AccessError`` with the suite's sentence (what the record
        is and who handles it), or ``""``. Odoo's own error is not built
        here: building it empties the record's cache, in which the flags are
        being computed."""
        self.ensure_one()
        if self.has_access(operation):
            return ""
        return AccessError(
            self.env["ir.rule"]._get_suite_refusal_sentence(operation, self.sudo())
        )
