# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

#: the approval rules of quotations shipped by this addon (archived on
#: installation, activated when a company switches order approvals on)
APPROVAL_RULES = (
    "sale_order_governance.tier_definition_order_amount",
    "sale_order_governance.tier_definition_order_new_customer",
    "sale_order_governance.tier_definition_order_non_regular",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    sale_order_approval = fields.Boolean(
        string="Order Approvals",
        help="Quotations of this company follow the approval rules shipped "
        "with Sale Order Governance (amount, non-regular, new customer) "
        "before they are confirmed. Off on installation.",
    )
    sale_order_change_control = fields.Boolean(
        string="Changes and Cancellations by Request",
        help="The key fields and lines of this company's confirmed orders "
        "change only through an approved change request, and a confirmed order "
        "is cancelled only through an approved cancel request (R7.2, R7.3). "
        "Off on installation: confirmed orders are edited and cancelled as in "
        "plain Odoo.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.filtered("sale_order_approval")._governance_activate_approval_rules()
        return companies

    def write(self, vals):
        result = super().write(vals)
        if vals.get("sale_order_approval"):
            self._governance_activate_approval_rules()
        return result

    def _governance_activate_approval_rules(self):
        """The shipped approval rules wait archived until a company switches
        order approvals on (installing the suite evaluates nothing); each
        rule's domain starts with the company's switch, so activating them
        for one company changes nothing for the others. A rule a manager
        archived again later stays archived only until the next switch-on."""
        if not self:
            return
        rules = self.env["tier.definition"].sudo().with_context(active_test=False)
        for xmlid in APPROVAL_RULES:
            rule = self.env.ref(xmlid, raise_if_not_found=False)
            if rule:
                rules |= rule.sudo()
        rules.filtered(lambda rule: not rule.active).write({"active": True})
