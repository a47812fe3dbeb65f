# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The intake steps of an order (R1, R2): submit, check, return, sign off,
recheck, accept and transfer, classify."""

from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import (
    feedback_activities,
    notes_batch,
    schedule_activities,
)
from odoo.addons.order_handling_base.models.mail_queue import mail_queued

from .sale_order import (
    CLASSES,
    SIGN_OFF_STAGES,
)

# one concern of the regulations per file (the order's intake fields and
# guards are in sale_order.py)
# pylint: disable=consider-merging-classes-inherited


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # ------------------------------------------------------------------
    # The buttons' rules (``order.handling.button.mixin``): role, then stage
    # ------------------------------------------------------------------

    def _refuse_intake_submit(self):
        self.ensure_one()
        refusal = self._refuse_unless_access("write") or self._intake_refuse_stage(
            ("draft", "returned"),
            self.env._(
                "Order %(order)s is %(stage)s: only an order with sales can be "
                "submitted."
            ),
        )
        if not refusal and self.state not in ("draft", "sent"):
            refusal = self.env._(
                "Order %s is already confirmed or cancelled.", self.name
            )
        return refusal

    def _refuse_intake_check(self):
        return self._intake_refuse_group(
            roles.LOGISTICS_CLERK, roles.MANAGER
        ) or self._intake_refuse_stage(
            ("submitted",),
            self.env._(
                "Order %(order)s is %(stage)s: only a submitted order can be checked."
            ),
        )

    def _refuse_intake_return(self):
        return self._intake_refuse_group(
            roles.LOGISTICS_CLERK, roles.MANAGER
        ) or self._intake_refuse_stage(
            ("submitted", "checked"),
            self.env._(
                "Order %(order)s is %(stage)s: only an order at intake can be returned."
            ),
        )

    def _refuse_intake_sign_off(self):
        self.ensure_one()
        refusal = self._intake_refuse_group(roles.SALES_HEAD)
        if refusal:
            return refusal
        if self.sales_signoff_uid:
            return self.env._("Order %s is already signed off.", self.name)
        if self.intake_stage not in SIGN_OFF_STAGES:
            return self.env._("Order %s is past intake: no sign-off needed.", self.name)
        return ""

    def _refuse_intake_recheck(self):
        self.ensure_one()
        refusal = self._intake_refuse_group(
            roles.LOGISTICS_CLERK, roles.MANAGER, roles.SALES_HEAD
        ) or self._intake_refuse_stage(
            ("checked",),
            self.env._(
                "Order %(order)s is %(stage)s: only a checked order can be re-checked."
            ),
        )
        if refusal:
            return refusal
        if not self.intake_important:
            return self.env._("Order %s needs no re-check.", self.name)
        if self.intake_recheck_uid:
            return self.env._("Order %s is already re-checked.", self.name)
        if self.env.user in self._intake_entered_by() | self.intake_checked_uid:
            return self.env._(
                "Order %s must be re-checked by someone who neither entered "
                "nor checked it.",
                self.name,
            )
        return ""

    def _refuse_intake_accept(self):
        self.ensure_one()
        refusal = self._intake_refuse_group(
            roles.LOGISTICS_CLERK, roles.MANAGER
        ) or self._intake_refuse_stage(
            ("checked",),
            self.env._(
                "Order %(order)s is %(stage)s: only a checked order can be accepted."
            ),
        )
        if not refusal and self.intake_important and not self.intake_recheck_uid:
            refusal = self.env._(
                "Order %s is important: a second person must re-check it first.",
                self.name,
            )
        return refusal

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @mail_queued
    def action_intake_submit(self):
        """Sales hands the order to logistics (R1.1); a returned order comes
        back corrected."""
        self._ensure_can("intake_submit")
        for order in self:
            if not order.order_line._intake_goods_lines():
                raise UserError(
                    self.env._("Order %s has no line to deliver.", order.name)
                )
        now = fields.Datetime.now()
        self.sudo().write(
            {
                "intake_stage": "submitted",
                "intake_submitted_uid": self.env.uid,
                "intake_submitted_date": now,
            }
        )
        feedback_activities(
            self, ["sale_order_intake.mail_activity_type_intake_correct"]
        )
        logistics = self.env["order.handling.department"]._get_by_code(
            "logistics", self.company_id[:1]
        )
        # the clerk's activity is the notice (no "assigned to you" e-mail)
        schedule_activities(
            [(order, order.intake_clerk_id or logistics.manager_id) for order in self],
            "sale_order_intake.mail_activity_type_intake_check",
        )
        return True

    def action_intake_check(self):
        """Run the intake checks (R1.2): a clean order becomes checked and is
        classified; a failing one goes back to sales with the reasons (R1.3)."""
        self._ensure_can("intake_check")
        failures = self._intake_run_checks()
        clean = self.filtered(
            lambda order: (
                not any(blocking for _r, _l, _d, blocking in failures.get(order.id, []))
            )
        )
        # the stage first, then the class: the deadline of the new stage is
        # computed once, with the class (and the stay in "to check" is logged
        # with the deadline it had). Who checked it and when, the clerk who
        # takes an order that has none, and whether the check holds (a change
        # of the order or its lines before acceptance clears it): one write
        # per distinct set of values, usually one in all
        now = fields.Datetime.now()
        clean_ids = set(clean.ids)
        by_values = defaultdict(lambda: self.browse())
        for order in self:
            values = {
                "intake_checked_uid": self.env.uid,
                "intake_checked_date": now,
                "intake_check_valid": order.id in clean_ids,
            }
            if order.id in clean_ids:
                values["intake_stage"] = "checked"
            if not order.intake_clerk_id:
                values["intake_clerk_id"] = self.env.uid
            by_values[tuple(sorted(values.items()))] |= order
        for values, orders in by_values.items():
            orders.sudo().write(dict(values))
        self.order_line._intake_classify()
        self.order_line._intake_snapshot_availability()
        feedback_activities(
            clean, ["sale_order_intake.mail_activity_type_intake_check"]
        )
        for order in self - clean:
            reasons = [
                self._intake_issue_text(rule, line, detail)
                for rule, line, detail, blocking in failures[order.id]
                if blocking
            ]
            order._intake_return("\n".join(reasons))
        return True

    def _intake_run_checks(self):
        """Evaluate the rules and store the issues; one batch for all orders.

        Returns ``{order id: [(rule, line, detail, blocking)]}``."""
        Rule = self.env["sale.order.intake.rule"]
        rules = Rule._get_rules(self)
        evaluated = rules._evaluate(self)
        self.sudo().intake_issue_ids.unlink()
        issue_vals = []
        failures = {}
        for order in self:
            for rule, line, detail in evaluated.get(order.id, []):
                failures.setdefault(order.id, []).append(
                    (rule, line, detail, rule.blocking)
                )
                issue_vals.append(
                    {
                        "order_id": order.id,
                        "line_id": line.id or False,
                        "rule_id": rule.id,
                        "message": self._intake_issue_text(rule, line, detail),
                        "blocking": rule.blocking,
                    }
                )
        self.env["sale.order.intake.issue"].sudo().create(issue_vals)
        return failures

    @api.model
    def _intake_issue_text(self, rule, line, detail):
        values = {
            "check": rule.message,
            "line": line and (line.product_id.display_name or line.name),
            "detail": detail,
        }
        if line and detail:
            return self.env._("%(check)s — %(line)s: %(detail)s", **values)
        if line:
            return self.env._("%(check)s — %(line)s", **values)
        if detail:
            return self.env._("%(check)s: %(detail)s", **values)
        return rule.message

    @mail_queued
    def _intake_return(self, reason):
        """Back to sales with the reasons: message and activity for the
        salesperson; the return is counted (R1.3)."""
        for order in self:
            order.sudo().write(
                {
                    "intake_stage": "returned",
                    "intake_return_count": order.intake_return_count + 1,
                    "intake_return_reason": reason,
                    "intake_recheck_uid": False,
                    "intake_recheck_date": False,
                }
            )
            body = Markup("<p>%s</p><pre>%s</pre>") % (
                self.env._("Returned to sales by the intake check:"),
                reason,
            )
            salesperson = order.user_id
            order.sudo().message_post(
                body=body,
                partner_ids=salesperson.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            feedback_activities(
                order, ["sale_order_intake.mail_activity_type_intake_check"]
            )
            # the message above tells the salesperson: no assignment e-mail
            schedule_activities(
                [(order, salesperson)],
                "sale_order_intake.mail_activity_type_intake_correct",
                note=reason,
            )

    def action_intake_return(self, reason=None):
        """The clerk returns an order by hand, with reasons the checks do
        not cover."""
        self._ensure_can("intake_return")
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Say why the order goes back to sales."))
        self._intake_return(reason.strip())
        return True

    def action_intake_sign_off(self):
        """The sales head signs the order off (R1.2)."""
        self._ensure_can("intake_sign_off")
        self.check_access("read")
        self.sudo().write(
            {
                "sales_signoff_uid": self.env.uid,
                "sales_signoff_date": fields.Datetime.now(),
            }
        )
        return True

    def action_intake_recheck(self):
        """Second person's re-check of an important order (R1.4)."""
        self._ensure_can("intake_recheck")
        user = self.env.user
        self.sudo().write(
            {
                "intake_recheck_uid": user.id,
                "intake_recheck_date": fields.Datetime.now(),
            }
        )
        return True

    @mail_queued
    def action_intake_accept(self):
        """Accept a clean order and transfer it (R2.2): regular orders to
        quality and the warehouse, non-regular ones to engineering."""
        self._ensure_can("intake_accept")
        # an order changed since its check is checked again, and refused on
        # any blocking issue (nothing is written then); one accepted as it
        # was checked keeps its check (and its class)
        changed = self._intake_changed_since_check()
        failures = (
            self.env["sale.order.intake.rule"]._get_rules(changed)._evaluate(changed)
            if changed
            else {}
        )
        for order in changed:
            blocking = [
                self._intake_issue_text(rule, line, detail)
                for rule, line, detail in failures.get(order.id, [])
                if rule.blocking
            ]
            if blocking:
                raise UserError(
                    self.env._(
                        "Order %(order)s changed since its check and is no longer "
                        "clean:\n%(issues)s",
                        order=order.name,
                        issues="\n".join(blocking),
                    )
                )
        changed.order_line._intake_classify()
        self.sudo().write(
            {
                "intake_stage": "accepted",
                "intake_check_valid": False,
                "intake_accepted_uid": self.env.uid,
                "intake_accepted_date": fields.Datetime.now(),
            }
        )
        # the notes of the transfer (the order's, each slip's, each review's)
        # in one batch
        with notes_batch(self.env):
            self._intake_transfer()
        self._intake_send_mail("sale_order_intake.mail_template_intake_accepted")
        self._intake_confirm_customer_orders()
        return True

    def _intake_changed_since_check(self):
        """The orders of ``self`` changed since their check (their flag was
        cleared by a write of the order or of a line)."""
        return self.filtered(lambda order: not order.intake_check_valid)

    def _intake_invalidate_check(self, names=None):
        """Clear the check of the checked orders of ``self`` when fields
        other than workflow ones change (``names``: the order fields
        written; None: a line changed, was added or removed)."""
        if names is not None and all(
            self._intake_check_neutral(name) for name in names
        ):
            return
        stale = self.filtered(
            lambda order: order.intake_check_valid and order.intake_stage == "checked"
        )
        if stale:
            stale.sudo().write({"intake_check_valid": False})

    def _intake_routing_codes(self):
        """Hook: department codes an accepted order is transferred to."""
        self.ensure_one()
        if self.intake_class == "non_regular":
            return ["engineering"]
        return ["quality", "warehouse"]

    def _intake_transfer(self):
        """Transfer the orders in one batch per set of departments."""
        by_codes = {}
        for order in self:
            key = (order.company_id, tuple(order._intake_routing_codes()))
            by_codes[key] = by_codes.get(key, self.browse()) | order
        slips = self.env["order.handling.transfer"]
        Department = self.env["order.handling.department"]
        for (company, codes), orders in by_codes.items():
            departments = Department._get_by_code(list(codes), company)
            slips |= orders._transfer_to_departments(departments)
        return slips

    def action_intake_open_classify(self):
        self.ensure_one()
        self._intake_check_group(roles.LOGISTICS_CLERK, roles.MANAGER)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Order Class"),
            "res_model": "sale.order.intake.classify",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_intake_open_return(self):
        self._ensure_can("intake_return")
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to Sales"),
            "res_model": "sale.order.intake.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _intake_override_class(self, order_class, reason):
        """The clerk sets the class by hand, with a tracked reason (R2.1)."""
        self._intake_check_group(roles.LOGISTICS_CLERK, roles.MANAGER)
        self._intake_check_stage(
            ["submitted", "checked"],
            self.env._(
                "Order %(order)s is %(stage)s: its class can only change before it "
                "is accepted."
            ),
        )
        if order_class not in dict(CLASSES):
            raise UserError(self.env._("Choose regular or non-regular."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the class change."))
        self.sudo().write(
            {
                "intake_class_override": order_class,
                "intake_class_override_reason": reason.strip(),
            }
        )
        return True
