# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class OrderHandlingDepartment(models.Model):
    """A routing target of the regulations (quality, warehouse, production,
    engineering …): who receives transfer slips and who answers for them."""

    _name = "order.handling.department"
    _inherit = ["order.handling.document.mixin", "mail.thread"]
    _description = "Order Handling Department"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Stable key used by the suite to route documents, e.g. 'quality'.",
    )
    active = fields.Boolean(default=True, tracking=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        check_company=True,
        domain="[('share', '=', False)]",
        help="Receives the activities of new transfer slips and escalations.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "order_handling_department_user_rel",
        "department_id",
        "user_id",
        string="Members",
        check_company=True,
        domain="[('share', '=', False)]",
        help="Users who may acknowledge and forward the department's slips.",
    )
    forward_department_ids = fields.Many2many(
        "order.handling.department",
        "order_handling_department_forward_rel",
        "department_id",
        "target_id",
        string="May Forward To",
        check_company=True,
        domain="[('id', '!=', id)]",
        help="Departments to which this department may forward its transfer "
        "slips. Leave empty to allow any department of the company.",
    )
    description = fields.Text(translate=True)
    transfer_ids = fields.One2many(
        "order.handling.transfer", "department_id", string="Transfer Slips"
    )
    open_transfer_count = fields.Integer(
        string="Open Slips", compute="_compute_open_transfer_count"
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A department code must be unique per company.",
        ),
    ]

    @api.depends("transfer_ids.state")
    def _compute_open_transfer_count(self):
        groups = self.env["order.handling.transfer"]._read_group(
            [
                ("department_id", "in", self.ids),
                ("state", "in", ("sent", "acknowledged")),
            ],
            groupby=["department_id"],
            aggregates=["__count"],
        )
        counts = {department.id: count for department, count in groups}
        for department in self:
            department.open_transfer_count = counts.get(department.id, 0)

    @api.model
    def _get_by_code(self, codes, company=None):
        """Departments of ``company`` (default: current) by code, one query.

        Raises a UserError naming the missing codes, so routing never
        silently skips a department."""
        company = company or self.env.company
        codes = [codes] if isinstance(codes, str) else list(codes)
        departments = self.sudo().search_fetch(
            [("code", "in", codes), ("company_id", "=", company.id)],
            ["code", "name", "manager_id", "company_id"],
        )
        missing = set(codes) - set(departments.mapped("code"))
        if missing:
            raise UserError(
                self.env._(
                    "No active department with code %(codes)s in company "
                    "%(company)s. Configure it in Order Handling > Configuration "
                    "> Departments.",
                    codes=", ".join(sorted(missing)),
                    company=company.name,
                )
            )
        return departments.sudo(False)

    def _is_member(self, user=None):
        """True when ``user`` belongs to every department of ``self``."""
        user = user or self.env.user
        return all(
            user == department.manager_id or user in department.member_ids
            for department in self
        )

    def _may_forward_to(self, target):
        """True when ``self`` may forward its transfer slips to ``target``:
        its list of targets is empty (any department of the company) or holds
        ``target``. Read in sudo: the list is configuration, not data; with
        archived targets, so that archiving them does not empty the list."""
        self.ensure_one()
        allowed = self.sudo().with_context(active_test=False).forward_department_ids
        return not allowed or target.id in allowed.ids

    def action_view_open_transfers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "order_handling_base.order_handling_transfer_action"
        )
        action["domain"] = [
            ("department_id", "=", self.id),
            ("state", "in", ("sent", "acknowledged")),
        ]
        action["context"] = {"default_department_id": self.id}
        return action
