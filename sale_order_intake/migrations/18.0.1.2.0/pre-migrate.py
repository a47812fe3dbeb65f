# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: urgent orders moved to their own addon, sale_order_urgent.

Their records (fields, the assessment wizard, the cron, the activity type,
the access row, views and action) change owner before this addon is loaded
again, so that the end of the update does not delete what it no longer
declares: columns and values stay. ``order_handling_suite`` depends on
``sale_order_urgent``, so updating the suite installs it in the same run; a
database with intake alone keeps the columns until it is installed."""

URGENT_ORDER_FIELDS = (
    "intake_urgent",
    "urgency_level",
    "urgent_deadline",
    "urgency_assessor_id",
    "urgency_decision",
    "urgency_assessment",
    "urgency_decision_uid",
    "urgency_decision_date",
    "urgent_escalated",
    "intake_can_assess_urgency",
)
NAMES = (
    "model_sale_order_intake_urgent",
    "access_sale_order_intake_urgent_user",
    "sale_order_intake_urgent_view_form",
    "sale_order_intake_urgent_action",
    "ir_cron_intake_urgent_monitor",
    "ir_cron_intake_urgent_monitor_ir_actions_server",
    "mail_activity_type_intake_urgent",
)


def migrate(cr, version):
    if not version:
        return
    names = list(NAMES)
    for model in ("sale_order", "sale_order_copy"):
        names += [f"field_{model}__{name}" for name in URGENT_ORDER_FIELDS]
    cr.execute(
        """
        UPDATE ir_model_data SET module = 'sale_order_urgent'
         WHERE module = 'sale_order_intake'
           AND (name = ANY(%s)
                OR name LIKE 'field\\_sale\\_order\\_intake\\_urgent\\_\\_%%'
                OR name LIKE 'selection\\_\\_sale\\_order\\_intake\\_urgent\\_\\_%%'
                OR name LIKE 'selection\\_\\_sale\\_order\\_\\_urgency\\_%%'
                OR name LIKE 'selection\\_\\_sale\\_order\\_copy\\_\\_urgency\\_%%')
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data other
                WHERE other.module = 'sale_order_urgent'
                  AND other.name = ir_model_data.name)
        """,
        [names],
    )
