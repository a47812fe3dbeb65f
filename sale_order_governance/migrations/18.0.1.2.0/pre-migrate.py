# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: confidentiality, the tamper-evident archive and the access
requests (R7.4–R7.7) moved to the new addon ``sale_order_archive``.

Before this version is loaded, the external ids of what moved are given to
``sale_order_archive`` (models, fields, selections, constraints, model
inherits, access rows, rules, groups, views, actions, menus, report,
sequences, crons, activity type, tier definition), so that nothing is
deleted at the end of the update and ``sale_order_archive`` takes over the
same records, tables and columns; the new addon is marked to be installed
in the same run (its only dependency, ``sale_order_intake``, is one of this
addon's). The system parameter ``sale_order_governance.archive_secret``
keeps its name: the checksums are keyed with it."""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

NEW = "sale_order_archive"
OLD = "sale_order_governance"

MOVED_MODELS = (
    "sale.order.archive",
    "sale.order.access.request",
    "sale.order.access.log",
)
# fields the archive adds to, or redefines (tracking) on, Odoo's models
MOVED_FIELDS = {
    "sale.order": (
        "governance_archive_id",
        "governance_archived",
        "governance_integrity",
        "governance_can_archive",
        "governance_granted_to_me",
        "partner_invoice_id",
        "partner_shipping_id",
        "commitment_date",
        "date_order",
        "validity_date",
        "client_order_ref",
        "fiscal_position_id",
        "amount_tax",
    ),
}
# the records of the archive's data files (security, data, report, views)
MOVED_RECORDS = (
    # security/ir.model.access.csv
    "access_sale_order_archive_clerk",
    "access_sale_order_archive_sales_head",
    "access_sale_order_archive_manager",
    "access_sale_order_access_request_user",
    "access_sale_order_access_log_sales_head",
    "access_sale_order_access_log_manager",
    # security/sale_order_archive_groups.xml
    "group_export_order_data",
    "group_access_approver",
    # security/sale_order_archive_rules.xml
    "sale_order_rule_salesperson_team",
    "sale_order_line_rule_salesperson_team",
    "sale_order_rule_access_grant",
    "sale_order_line_rule_access_grant",
    "sale_order_archive_rule_company",
    "sale_order_access_request_rule_company",
    "sale_order_access_log_rule_company",
    "sale_order_access_request_rule_own",
    "sale_order_access_request_rule_approver",
    # data/sale_order_archive_data.xml
    "seq_sale_order_archive",
    "seq_sale_order_access_request",
    "mail_activity_type_archive_tampered",
    "tier_definition_access_request",
    "ir_cron_sale_order_archive_verify",
    "ir_cron_sale_order_archive_verify_ir_actions_server",
    "ir_cron_sale_order_access_request_expire",
    "ir_cron_sale_order_access_request_expire_ir_actions_server",
    # report/
    "action_report_sale_order_no_price",
    "report_sale_order_no_price",
    "report_sale_order_no_price_document",
    # views/
    "view_order_form",
    "view_sales_order_filter",
    "sale_order_archive_view_form",
    "sale_order_archive_view_list",
    "sale_order_archive_view_search",
    "sale_order_archive_action",
    "sale_order_access_request_view_form",
    "sale_order_access_request_view_list",
    "sale_order_access_request_view_search",
    "sale_order_access_request_action",
    "sale_order_access_request_action_review",
    "sale_order_access_log_view_list",
    "sale_order_access_log_view_search",
    "sale_order_access_log_action",
    "sale_order_archive_menu",
    "sale_order_access_request_menu",
    "sale_order_access_request_menu_review",
    "sale_order_access_log_menu",
)


def _rename(cr, where, what):
    """Give the external ids of this addon that ``where`` selects to the
    archive (unless it has one of that name already)."""
    cr.execute(
        SQL(
            """
            UPDATE ir_model_data d SET module = %s
             WHERE d.module = %s AND %s
               AND NOT EXISTS (
                   SELECT 1 FROM ir_model_data o
                    WHERE o.module = %s AND o.name = d.name)
            """,
            NEW,
            OLD,
            where,
            NEW,
        )
    )
    _logger.info("%s: %s external ids of %s moved to %s", OLD, cr.rowcount, what, NEW)


def migrate(cr, version):
    if not version:
        return
    field_pairs = tuple(
        (model, name) for model, names in MOVED_FIELDS.items() for name in names
    )
    # models and what belongs to them
    _rename(
        cr,
        SQL(
            "d.model = 'ir.model' AND d.res_id IN "
            "(SELECT id FROM ir_model WHERE model IN %s)",
            MOVED_MODELS,
        ),
        "models",
    )
    _rename(
        cr,
        SQL(
            "d.model = 'ir.model.fields' AND d.res_id IN "
            "(SELECT id FROM ir_model_fields "
            "WHERE model IN %s OR (model, name) IN %s)",
            MOVED_MODELS,
            field_pairs,
        ),
        "fields",
    )
    _rename(
        cr,
        SQL(
            "d.model = 'ir.model.fields.selection' AND d.res_id IN "
            "(SELECT s.id FROM ir_model_fields_selection s "
            "JOIN ir_model_fields f ON f.id = s.field_id "
            "WHERE f.model IN %s OR (f.model, f.name) IN %s)",
            MOVED_MODELS,
            field_pairs,
        ),
        "selection values",
    )
    _rename(
        cr,
        SQL(
            "d.model = 'ir.model.constraint' AND d.res_id IN "
            "(SELECT c.id FROM ir_model_constraint c "
            "JOIN ir_model m ON m.id = c.model WHERE m.model IN %s)",
            MOVED_MODELS,
        ),
        "constraints",
    )
    _rename(
        cr,
        SQL(
            "d.model = 'ir.model.inherit' AND d.res_id IN "
            "(SELECT i.id FROM ir_model_inherit i "
            "JOIN ir_model m ON m.id = i.model_id WHERE m.model IN %s)",
            MOVED_MODELS,
        ),
        "model inherits",
    )
    _rename(cr, SQL("d.name IN %s", MOVED_RECORDS), "records")

    # the new addon is installed in this run: its only dependency is ours
    cr.execute(
        "UPDATE ir_module_module SET state = 'to install' "
        "WHERE name = %s AND state = 'uninstalled'",
        (NEW,),
    )
    cr.execute("SELECT id FROM ir_module_module WHERE name = %s", (NEW,))
    row = cr.fetchone()
    if not row:
        _logger.warning(
            "%s is not in the list of modules: update the addons path and "
            "install it, or the archive's records stay without their code.",
            NEW,
        )
        return
    # constraints and many2many tables are dropped with the module that owns
    # them: they belong to the archive now
    for table in ("ir_model_constraint", "ir_model_relation"):
        cr.execute(
            SQL(
                """
                UPDATE %s t SET module = %s
                  FROM ir_model m
                 WHERE m.id = t.model AND m.model IN %s
                   AND t.module = (SELECT id FROM ir_module_module WHERE name = %s)
                """,
                SQL.identifier(table),
                row[0],
                MOVED_MODELS,
                OLD,
            )
        )
        _logger.info("%s: %s rows of %s moved to %s", OLD, cr.rowcount, table, NEW)
