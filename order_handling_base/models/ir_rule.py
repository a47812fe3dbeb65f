# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .order_handling_document_mixin import is_suite_module

#: the field naming the department that handles a record
DEPARTMENT_FIELDS = ("department_id",)


class IrRule(models.Model):
    """Refusals by record rules on a record of the suite say what the record
    is and who handles it, in the user's language.

    Odoo answers with a joke about top-secret records and cookies. For a
    model defined by an addon built on the suite (``is_suite_module``) the
    message becomes one sentence naming the record and its handler: the
    record's department and that department's manager (a department is an
    organisational unit, public in the company), else the roles whose access
    rights cover it (``ir.model.access._get_suite_handler_groups``).

    The refused record is named by its id only (``#12``: what the caller
    sent), never by its name, and no person linked to it (reporter,
    salesperson…) is named: a client asking for ids one by one over RPC
    learns nothing of records it may not read (an intelligence report's
    title or reporter, an order's customer in its name). Only the
    department is read, in sudo. Other models keep Odoo's message;
    users in debug mode (``base.group_no_one``) get Odoo's details after the
    sentence, and a suggested company (multi-company) is kept."""

    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        exception = super()._make_access_error(operation, records)
        if not is_suite_module(records._original_module):
            return exception
        self = self.with_context(**self.env.user.context_get())
        message = self._get_suite_refusal_message(operation, records)
        return self.env["ir.model.access"]._suite_access_error(message, exception)

    @api.model
    def _get_suite_refusal_message(self, operation, records):
        """The sentence refusing ``operation`` on ``records`` of a suite
        model: the first record and its handler, and how many others are
        refused with it (hook)."""
        record = records[:1].with_env(self.env(su=True))
        message = self._get_suite_refusal_sentence(operation, record)
        if len(records) > 1:
            message += " " + self.env._(
                "The same applies to %(count)s other records.",
                count=len(records) - 1,
            )
        return message

    @api.model
    def _get_suite_refusal_sentence(self, operation, record):
        """One sentence: what ``record`` (in sudo) is and who handles it."""
        values = {
            "document": self.env["ir.model"]._get(record._name).name
            or record._description,
            # the id the caller sent, never the record's name (see above)
            "reference": f"#{record.id}",
        }
        department = self._get_suite_refusal_department(record)
        if department and department.manager_id:
            return self.env._(
                "%(document)s %(reference)s is handled by the %(department)s "
                "department: ask its manager, %(manager)s.",
                department=department.name,
                manager=department.manager_id.name,
                **values,
            )
        if department:
            return self.env._(
                "%(document)s %(reference)s is handled by the %(department)s "
                "department: ask one of its members.",
                department=department.name,
                **values,
            )
        Access = self.env["ir.model.access"]
        groups = Access._get_suite_handler_groups(record._name, operation)
        # a role the user has does not open this record: name the others
        groups = (groups - self.env.user.groups_id) or groups
        if groups:
            return self.env._(
                "%(document)s %(reference)s is handled by %(roles)s: ask "
                "someone with that role.",
                roles=Access._format_suite_roles(groups),
                **values,
            )
        return self.env._(
            "%(document)s %(reference)s is not open to you: ask your "
            "order-handling administrator.",
            **values,
        )

    @api.model
    def _get_suite_refusal_department(self, record):
        for name in DEPARTMENT_FIELDS:
            field = record._fields.get(name)
            if field and field.comodel_name == "order.handling.department":
                if record[name]:
                    return record[name]
        return record.env["order.handling.department"]
