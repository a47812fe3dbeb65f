# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError

from .trusted_scope import is_trusted, trusted_scope


class OrderHandlingWorkflowMixin(models.AbstractModel):
    """The workflow guard of a document of the suite.

    Configured by class attributes, as ``tier.validation`` is::

        class MyDocument(models.Model):
            _name = "my.document"
            _inherit = ["order.handling.workflow.mixin", "mail.thread"]
            _workflow_state_field = "state"
            _workflow_protected_fields = ("approved_uid", "approved_date")
            _workflow_transitions = {
                "draft": ("submitted", "cancel"),
                "submitted": ("done", "cancel"),
            }
            _workflow_locked_states = ("done", "cancel")

    ``write`` refuses the state field and the protected fields unless the
    server writes them through ``_workflow_write(vals)``, which its business
    steps call after checking the caller's role and the record's state (or in
    sudo, which no client can reach). The trust is a
    :func:`~.trusted_scope.trusted_scope` of the running call, never a context
    key: whatever context a JSON-RPC client sends, including Odoo's own UI
    keys (``tracking_disable``, ``mail_*``), opens nothing. With
    ``_workflow_transitions`` set, a state change outside them is refused even
    through the helper, with the same message everywhere. In
    ``_workflow_locked_states`` the document is a record: a client edits
    nothing of it.

    A write of the state field that does not change the state is a replayed
    step (a button called twice over RPC, "approve" on an approved
    document): it is refused for every record already in that state, through
    ``_workflow_write`` and in sudo alike, with or without
    ``_workflow_transitions``, naming the document and its state. A step that
    legitimately enters a state again (a batch recomputation writing it
    unconditionally) filters its records to those that change, or the model
    lists that state in ``_workflow_repeatable_states``::

        _workflow_repeatable_states = ("draft",)

    Writes of the protected fields without the state field are not concerned.
    """

    _name = "order.handling.workflow.mixin"
    _inherit = ["order.handling.document.mixin", "order.handling.button.mixin"]
    _description = "Order Handling Workflow Guard"

    _workflow_state_field = "state"
    _workflow_protected_fields = ()
    #: ``{from_state: to_states}``; None: the business steps check the state
    _workflow_transitions = None
    #: states in which the document is a record: a client edits nothing of it
    _workflow_locked_states = ()
    #: states a step may write again on a record already in them; any other
    #: same-state write is a replayed step, refused
    _workflow_repeatable_states = ()

    def _workflow_guarded_fields(self):
        return {self._workflow_state_field, *self._workflow_protected_fields}

    @api.model_create_multi
    def create(self, vals_list):
        """A new document starts where its workflow starts: a client gives
        the guarded fields only empty or at their default."""
        self._oh_check_values(vals_list)
        if not self._workflow_is_trusted():
            guarded = self._workflow_guarded_fields()
            defaults = self.default_get(list(guarded))
            for vals in vals_list:
                forged = {
                    name
                    for name in guarded.intersection(vals)
                    if vals[name] and vals[name] != defaults.get(name)
                }
                if forged:
                    self._workflow_refuse(forged)
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        self._workflow_check_write(vals)
        return super().write(vals)

    def _workflow_is_trusted(self):
        """Is this write the server's own (a business step or sudo)?"""
        return self.env.su or is_trusted(self._name)

    def _workflow_check_write(self, vals):
        if self._workflow_locked_states and vals and not self._workflow_is_trusted():
            self._workflow_check_locked()
        guarded = self._workflow_guarded_fields().intersection(vals)
        if not guarded:
            return
        if not self._workflow_is_trusted():
            self._workflow_refuse(guarded)
        state_field = self._workflow_state_field
        if state_field in vals:
            self._workflow_check_transition(vals[state_field])

    def _workflow_refuse(self, names):
        raise UserError(
            self.env._(
                "%(document)s: %(fields)s change only through the document's buttons.",
                document=self._workflow_document_name(),
                fields=", ".join(
                    sorted(
                        self._fields[name]._description_string(self.env)
                        for name in names
                    )
                ),
            )
        )

    def _workflow_state_labels(self):
        """The states' labels in the user's language."""
        field = self._fields[self._workflow_state_field]
        return dict(field._description_selection(self.env))

    def _workflow_check_locked(self):
        """Refuse a client's write of a document in a locked state."""
        labels = self._workflow_state_labels()
        for record in self:
            state = record[self._workflow_state_field]
            if state in self._workflow_locked_states:
                raise UserError(
                    self.env._(
                        "%(document)s %(name)s is %(state)s: it is a record, "
                        "it cannot be edited.",
                        document=self._workflow_document_name(),
                        name=record.display_name,
                        state=labels.get(state, state),
                    )
                )

    def _workflow_document_name(self):
        return self._button_document_name()

    def _workflow_check_transition(self, new_state):
        """Refuse a replayed step (the record is already in ``new_state``)
        and, with ``_workflow_transitions``, a step out of turn."""
        labels = None
        transitions = self._workflow_transitions
        for record in self:
            current = record[self._workflow_state_field]
            if current == new_state:
                if new_state in self._workflow_repeatable_states:
                    continue
                labels = labels or self._workflow_state_labels()
                raise UserError(
                    self.env._(
                        "%(document)s %(name)s is already %(state)s.",
                        document=self._workflow_document_name(),
                        name=record.display_name,
                        state=labels.get(current, current),
                    )
                )
            if transitions is not None and new_state not in transitions.get(
                current, ()
            ):
                labels = labels or self._workflow_state_labels()
                raise UserError(
                    self.env._(
                        "%(document)s %(name)s is %(state)s: it cannot become "
                        "%(new)s now (this step is out of turn).",
                        document=self._workflow_document_name(),
                        name=record.display_name,
                        state=labels.get(current, current),
                        new=labels.get(new_state, new_state),
                    )
                )

    def _workflow_write(self, vals):
        """The one way to write the guarded fields: call it from a business
        step, after checking the caller's role and the records' state."""
        with trusted_scope(self._name):
            return self.write(vals)
