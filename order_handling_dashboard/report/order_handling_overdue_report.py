# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

KINDS = [
    ("sale.order", "Order Intake"),
    ("order.handling.transfer", "Transfer Slip"),
]


class OrderHandlingOverdueReport(models.Model):
    """Overdue work per department (R5.5, R11.2): every document of the
    suite whose SLA deadline (``order.handling.sla.mixin``) has passed, with
    the department that has to act.

    Overdue is the rule of the mixin's searchable ``sla_status``: the
    deadline of the current stage is before now. The department is the
    document's own (transfer slip), and for an order in intake the logistics
    department, except an accepted order waiting for its delivery date:
    production (regular) or engineering (non-regular).

    A SQL view: a union of document tables, each filtered on its indexed
    ``sla_deadline`` column, which the ORM cannot group together. Other
    addons add their documents with ``_union_additional()`` and a
    ``selection_add`` of ``kind`` (the bridges ``order_handling_dashboard_*``:
    reviews, product plans and deliverables, complaints)."""

    _name = "order.handling.overdue.report"
    _description = "Overdue Work per Department"
    _auto = False
    _order = "sla_deadline, id"
    _rec_name = "name"
    _depends = {
        "sale.order": [
            "name",
            "company_id",
            "sla_deadline",
            "sla_escalated",
            "intake_stage",
            "intake_class",
        ],
        "order.handling.transfer": [
            "name",
            "company_id",
            "sla_deadline",
            "sla_escalated",
            "department_id",
            "res_model",
            "res_id",
        ],
        "order.handling.department": ["code", "company_id", "manager_id"],
    }

    name = fields.Char(string="Document", readonly=True)
    kind = fields.Selection(KINDS, string="Document Type", readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", readonly=True
    )
    order_id = fields.Many2one("sale.order", readonly=True)
    department_id = fields.Many2one("order.handling.department", readonly=True)
    manager_id = fields.Many2one(
        "res.users", string="Department Manager", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    sla_deadline = fields.Datetime(string="Deadline", readonly=True)
    overdue_hours = fields.Float(string="Overdue (h)", readonly=True, aggregator="avg")
    escalated = fields.Boolean(readonly=True)
    nbr = fields.Integer(string="# Overdue", readonly=True)

    def _union_additional(self):
        """Hook: ``UNION ALL`` branches of the documents an addon adds, SQL
        selecting ``id`` (the document's id × 8 + a number of its own, 2 to
        7), ``name``, ``kind`` (its model), ``res_id``, ``order_id``,
        ``company_id``, ``department_id`` (the document's own, or NULL),
        ``department_code`` (the department that acts when it has none),
        ``sla_deadline``, ``sla_escalated``, filtered on the indexed
        ``sla_deadline`` before ``NOW()``."""
        return []

    @property
    def _table_query(self):
        return SQL(
            """
            WITH docs AS (
                SELECT so.id * 8 AS id, so.name, 'sale.order' AS kind,
                       so.id AS res_id, so.id AS order_id, so.company_id,
                       NULL::integer AS department_id,
                       CASE WHEN so.intake_stage = 'accepted'
                             AND so.intake_class = 'non_regular'
                            THEN 'engineering'
                            WHEN so.intake_stage = 'accepted'
                            THEN 'production'
                            ELSE 'logistics' END AS department_code,
                       so.sla_deadline, so.sla_escalated
                  FROM sale_order so
                 WHERE so.sla_deadline < (NOW() AT TIME ZONE 'UTC')
                UNION ALL
                SELECT t.id * 8 + 1, t.name, 'order.handling.transfer',
                       t.id, CASE WHEN t.res_model = 'sale.order' THEN t.res_id END,
                       t.company_id, t.department_id, NULL,
                       t.sla_deadline, t.sla_escalated
                  FROM order_handling_transfer t
                 WHERE t.sla_deadline < (NOW() AT TIME ZONE 'UTC')
                %(additional)s
            )
            SELECT docs.id, docs.name, docs.kind, docs.kind AS res_model,
                   docs.res_id, docs.order_id, docs.company_id,
                   COALESCE(docs.department_id, dep.id) AS department_id,
                   COALESCE(own.manager_id, dep.manager_id) AS manager_id,
                   docs.sla_deadline,
                   EXTRACT(EPOCH FROM (NOW() AT TIME ZONE 'UTC')
                                      - docs.sla_deadline) / 3600.0
                       AS overdue_hours,
                   COALESCE(docs.sla_escalated, FALSE) AS escalated,
                   1 AS nbr
              FROM docs
              LEFT JOIN order_handling_department own
                     ON own.id = docs.department_id
              LEFT JOIN order_handling_department dep
                     ON docs.department_id IS NULL
                    AND dep.company_id = docs.company_id
                    AND dep.code = docs.department_code
            """,
            additional=SQL("").join(
                SQL("\n UNION ALL %s\n", branch) for branch in self._union_additional()
            ),
        )

    def action_open_document(self):
        """The overdue document itself."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
        }

    def action_open_documents(self):
        """The overdue documents of the selected rows, one model at a time."""
        models_ = set(self.mapped("res_model"))
        if len(models_) == 1:
            model = models_.pop()
            return {
                "type": "ir.actions.act_window",
                "name": dict(self._fields["kind"]._description_selection(self.env))[
                    model
                ],
                "res_model": model,
                "views": [(False, "list"), (False, "form")],
                "domain": [("id", "in", self.mapped("res_id"))],
                "context": {"create": False},
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Overdue Work"),
            "res_model": self._name,
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.ids)],
        }
