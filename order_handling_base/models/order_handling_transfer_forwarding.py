# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forwarding a transfer slip to another department (R2.2, R2.3: e.g. the
warehouse lead hands a shortfall on to production). The slip itself is in
order_handling_transfer.py."""

from odoo import fields, models
from odoo.exceptions import UserError

# pylint: disable=consider-merging-classes-inherited


class OrderHandlingTransfer(models.Model):
    _inherit = "order.handling.transfer"

    def action_forward(self, department=None, note=False):
        """Hand the document on to ``department`` (a department or its id,
        e.g. warehouse lead → production): the slip becomes forwarded and a
        new slip is sent. Over RPC: True (``_forward`` gives the new slips)."""
        self._forward(department, note)
        return True

    def _forward(self, department=None, note=False):
        """``action_forward``, returning the new slips."""
        self._oh_slips_to_check()._ensure_can("forward")
        self.check_access("read")
        departments = self.env["order.handling.department"]
        if isinstance(department, int) and not isinstance(department, bool):
            department = departments.browse(department)
        if (
            not isinstance(department, models.BaseModel)
            or department._name != departments._name
        ):
            department = departments
        if note and not isinstance(note, str):
            raise UserError(
                self.env._("The instructions of a transfer slip are a text.")
            )
        department = department.exists()
        if not department:
            raise UserError(self.env._("Choose the department to forward to."))
        new_slips = self.browse()
        for slip in self:
            if department == slip.department_id:
                raise UserError(
                    self.env._(
                        "Transfer slip %s is already at that department.", slip.name
                    )
                )
            if department.company_id != slip.company_id:
                raise UserError(
                    self.env._(
                        "Department %(department)s belongs to a different "
                        "company from transfer slip %(slip)s.",
                        department=department.display_name,
                        slip=slip.name,
                    )
                )
            if not slip.department_id._may_forward_to(department):
                raise UserError(
                    self.env._(
                        "Transfer slip %(slip)s cannot be forwarded: the "
                        "%(from_department)s department may not forward to the "
                        "%(to_department)s department.",
                        slip=slip.name,
                        from_department=slip.department_id.sudo().display_name,
                        to_department=department.sudo().display_name,
                    )
                )
        now = fields.Datetime.now()
        vals_list = [slip._prepare_forward_vals(department, note) for slip in self]
        # created by this step only: users have no right to create slips
        new_slips = self.sudo().create(vals_list).with_env(self.env)
        for slip, new_slip in zip(self, new_slips, strict=True):
            values = {
                "state": "forwarded",
                "forwarded_uid": self.env.uid,
                "forwarded_date": now,
                "forward_slip_id": new_slip.id,
            }
            if slip.state == "sent":
                values.update(acknowledged_uid=self.env.uid, acknowledged_date=now)
            slip.sudo().write(values)
        self._finish_activities()
        documents = {}
        for new_slip in new_slips:
            documents.setdefault(new_slip.res_model, set()).add(new_slip.res_id)
        for model_name, ids in documents.items():
            self.env[model_name].browse(ids)._transfer_post_message(
                new_slips.filtered(lambda s, m=model_name: s.res_model == m)
            )
        return new_slips

    def _prepare_forward_vals(self, department, note=False):
        """Hook: values of the slip that forwards ``self`` to ``department``."""
        self.ensure_one()
        return {
            "department_id": department.id,
            "company_id": self.company_id.id,
            "res_model": self.res_model,
            "res_id": self.res_id,
            "origin": self.origin,
            "order_class": self.order_class,
            "priority": self.priority,
            "note": note or self.note,
            "previous_slip_id": self.id,
        }

    def action_open_forward_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Forward Transfer Slip"),
            "res_model": "order.handling.transfer.forward",
            "view_mode": "form",
            "target": "new",
            "context": {"default_transfer_ids": self.ids},
        }
