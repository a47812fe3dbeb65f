# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the dashboard depends on sale_order_intake only; the
measures and reports that need another addon moved to auto-install
bridges (issue 17):

- ``order_handling_dashboard_approval``: the review and approval lead times
  (``order.handling.kpi.approval``), overdue reviews, plans, deliverables;
- ``order_handling_dashboard_intel``: the intelligence conversion
  (``order.handling.kpi.intel``);
- ``order_handling_dashboard_care``: supply accuracy, complaint and return
  rates of ``order.handling.kpi.order``, overdue complaints.

Their records (models, fields, selection values, access rows, rules,
views, actions, menus) change owner before this addon is loaded again, so
that the end of the update deletes nothing that moved and every xml id
``order_handling_dashboard.…`` of them becomes ``<bridge>.…``.
``order_handling_suite`` depends on the bridges, so updating the suite
installs them in the same run. The report models are SQL views: no column
moves."""

CARE_FIELDS = (
    "complaint_count",
    "wrong_item_count",
    "correct_supply_count",
    "returned_count",
    "supply_accuracy",
    "complaint_rate",
    "return_rate",
)
MOVES = {
    "order_handling_dashboard_approval": {
        "models": ("order_handling_kpi_approval",),
        "names": (
            "order_handling_kpi_approval_menu",
            "order_handling_kpi_approval_rule_company",
            "access_order_handling_kpi_approval_manager",
            "selection__order_handling_overdue_report__kind__sale_order_review",
            "selection__order_handling_overdue_report__kind__sale_engineering_plan",
            "selection__order_handling_overdue_report__kind__"
            "sale_engineering_plan_deliverable",
        ),
    },
    "order_handling_dashboard_intel": {
        "models": ("order_handling_kpi_intel",),
        "names": (
            "order_handling_kpi_intel_menu",
            "order_handling_kpi_intel_rule_company",
            "access_order_handling_kpi_intel_manager",
        ),
    },
    "order_handling_dashboard_care": {
        "models": (),
        "names": (
            "order_handling_kpi_order_action_server_complaints",
            "selection__order_handling_overdue_report__kind__sale_customer_complaint",
        )
        + tuple(f"field_order_handling_kpi_order__{name}" for name in CARE_FIELDS),
    },
}


def _like(text):
    return text.replace("_", "\\_") + "%"


def migrate(cr, version):
    if not version:
        return
    for module, move in MOVES.items():
        patterns = []
        for model in move["models"]:
            # the model, its fields, selection values, inheritance, views,
            # actions and server actions are all named after it
            patterns += [
                _like(f"model_{model}"),
                _like(f"field_{model}__"),
                _like(f"selection__{model}__"),
                _like(f"model_inherit__{model}__"),
                _like(f"{model}_view_"),
                _like(f"{model}_action"),
            ]
        cr.execute(
            """
            UPDATE ir_model_data SET module = %s
             WHERE module = 'order_handling_dashboard'
               AND (name = ANY(%s) OR name LIKE ANY(%s))
               AND NOT EXISTS (
                   SELECT 1 FROM ir_model_data other
                    WHERE other.module = %s
                      AND other.name = ir_model_data.name)
            """,
            [module, list(move["names"]), patterns or [""], module],
        )
