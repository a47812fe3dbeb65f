# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools.i18n import format_list

from .order_handling_document_mixin import is_suite_module


class IrModelAccess(models.Model):
    """Refusals by access rights on a model of the suite say who handles
    that kind of document, in the user's language.

    Odoo's message names the model's technical name and lists groups, a
    sentence for developers. For a model defined by an addon built on the
    suite (``is_suite_module``) the message becomes one sentence: "Transfer
    Slip records are handled by Order Handling / Administrator: ask someone
    with that role." Other models keep Odoo's message; users in debug mode
    (``base.group_no_one``) get Odoo's details after the sentence."""

    _inherit = "ir.model.access"

    def _make_access_error(self, model, mode):
        exception = super()._make_access_error(model, mode)
        if model not in self.env or not is_suite_module(
            self.env[model]._original_module
        ):
            return exception
        self = self.with_context(**self.env.user.context_get())
        message = self._get_suite_refusal_message(model, mode)
        return self._suite_access_error(message, exception)

    @api.model
    def _get_suite_refusal_message(self, model, mode):
        """The sentence refusing ``mode`` on the suite model ``model``: the
        kind of document and the roles that handle it (hook)."""
        document = self.env["ir.model"]._get(model).name or model
        roles = self._get_suite_handler_groups(model, mode)
        if roles:
            return self.env._(
                "%(document)s records are handled by %(roles)s: ask someone "
                "with that role.",
                document=document,
                roles=self._format_suite_roles(roles),
            )
        return self.env._(
            "%(document)s records are not open to you: ask your order-handling "
            "administrator.",
            document=document,
        )

    @api.model
    def _get_suite_handler_groups(self, model, mode="read"):
        """The groups of the suite (a group with an XML id of a suite addon)
        that the access rights of ``model`` grant ``mode``, in sudo."""
        accesses = self.sudo().search(
            [
                ("model_id.model", "=", model),
                (f"perm_{mode}", "=", True),
                ("group_id", "!=", False),
            ]
        )
        groups = accesses.group_id
        external_ids = groups._get_external_ids()
        return groups.filtered(
            lambda group: any(
                is_suite_module(xmlid.partition(".")[0])
                for xmlid in external_ids.get(group.id, ())
            )
        )

    @api.model
    def _format_suite_roles(self, groups):
        """ "A or B": the display names of ``groups`` in the user's language."""
        names = groups.with_env(self.env(su=True)).mapped("display_name")
        return format_list(self.env, names, style="or")

    @api.model
    def _suite_access_error(self, message, exception):
        """The AccessError carrying ``message`` instead of Odoo's
        ``exception``: same context (a suggested company), Odoo's details
        after it for users in debug mode."""
        user = self.env.user
        if user.has_group("base.group_no_one") and user._is_internal():
            message = f"{message}\n\n{exception.args[0]}"
        refusal = AccessError(message)
        if getattr(exception, "context", None):
            refusal.context = exception.context
        return refusal
