# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.order_handling_base.models import roles

# the intake stages of an order that logistics received and that is not
# finished: the columns of the "Open Orders" tile, in process order
OPEN_STAGES = (
    "submitted",
    "returned",
    "checked",
    "accepted",
    "date_proposed",
    "date_confirmed",
)
# the rates of the tiles are those of the last 30 days
PERIOD_DAYS = 30


class OrderHandlingDashboard(models.AbstractModel):
    """The tiles row of the Order Handling dashboard (issue 20): how orders
    are doing, in one call.

    ``get_tiles()`` returns the tiles, each with its figure and the window
    action of the list behind it (the same domain: the count of the tile is
    the number of records the list shows). The figures are read as the
    user, through the ORM (``search_count`` / ``_read_group``): record rules
    apply, a user counts what they may read. One query per tile at most,
    whatever the number of records (a test counts them).

    Other addons add tiles in ``_dashboard_tiles()`` (the approval bridge:
    reviews and plan approvals pending in every department)."""

    _name = "order.handling.dashboard"
    _description = "Order Handling Dashboard"

    @api.model
    def get_tiles(self):
        """The tiles of the dashboard, in their order: a list of dicts
        ``{key, sequence, label, value, unit, description, icon, tone,
        action, items}``; ``value`` is ``None`` when there is no data (a
        rate of nothing), ``items`` the breakdown of a tile (``{key, label,
        value, action}``), ``action`` a window action dict."""
        if not self.env.user.has_group(roles.MANAGER):
            raise AccessError(
                self.env._(
                    "The Order Handling dashboard is for the administrators "
                    "and the general manager."
                )
            )
        return sorted(self._dashboard_tiles(), key=lambda tile: tile["sequence"])

    def _dashboard_tiles(self):
        """Hook: the tiles; an addon appends its own to ``super()``'s."""
        since = fields.Datetime.now().replace(microsecond=0) - timedelta(
            days=PERIOD_DAYS
        )
        return [
            self._tile_open_orders(),
            self._tile_overdue(),
            *self._tiles_rates(since),
            self._tile_approvals_to_do(),
        ]

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    @api.model
    def _tile_action(self, name, model, domain, views, context=None, help_text=None):
        """A window action on ``model`` restricted to ``domain``; ``views``
        is a list of ``(xml id of a view or False, view type)``."""
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "domain": domain,
            "views": [
                (
                    self.env["ir.model.data"]._xmlid_to_res_id(xmlid)
                    if xmlid
                    else False,
                    view_type,
                )
                for xmlid, view_type in views
            ],
            "context": dict({"create": False}, **(context or {})),
            "target": "current",
        }
        if help_text:
            action["help"] = f'<p class="o_view_nocontent_smiling_face">{help_text}</p>'
        return action

    @staticmethod
    def _rate(numerator, denominator):
        """A percentage with one decimal, ``None`` without a denominator."""
        if not denominator:
            return None
        return round(100.0 * (numerator or 0) / denominator, 1)

    # ------------------------------------------------------------------
    # tiles
    # ------------------------------------------------------------------
    def _tile_open_orders(self):
        """Orders received by logistics and not completed, per intake stage
        (one grouped query)."""
        Order = self.env["sale.order"]
        domain = [("intake_stage", "in", list(OPEN_STAGES))]
        counts = dict(Order._read_group(domain, ["intake_stage"], ["__count"]))
        labels = dict(Order._fields["intake_stage"]._description_selection(self.env))
        views = [
            ("sale_order_intake.sale_order_intake_view_list", "list"),
            ("sale_order_intake.sale_order_intake_view_kanban", "kanban"),
            (False, "form"),
        ]
        items = [
            {
                "key": stage,
                "label": labels[stage],
                "value": counts.get(stage, 0),
                "action": self._tile_action(
                    labels[stage],
                    "sale.order",
                    [("intake_stage", "=", stage)],
                    views,
                ),
            }
            for stage in OPEN_STAGES
        ]
        return {
            "key": "open_orders",
            "sequence": 10,
            "label": self.env._("Open Orders"),
            "value": sum(counts.values()),
            "unit": "",
            "description": self.env._("Received by logistics, not completed"),
            "icon": "fa-inbox",
            "tone": "primary",
            "action": self._tile_action(
                self.env._("Open Orders"),
                "sale.order",
                domain,
                views,
                context={"group_by": ["intake_stage"]},
                help_text=self.env._("No open order"),
            ),
            "items": items,
        }

    def _tile_overdue(self):
        """Documents past their deadline in every department."""
        count = self.env["order.handling.overdue.report"].search_count([])
        return {
            "key": "overdue",
            "sequence": 20,
            "label": self.env._("Overdue Work"),
            "value": count,
            "unit": "",
            "description": self.env._("Past the deadline, all departments"),
            "icon": "fa-clock-o",
            "tone": "danger" if count else "success",
            "action": self._tile_action(
                self.env._("Overdue Work per Department"),
                "order.handling.overdue.report",
                [],
                [
                    (
                        "order_handling_dashboard.order_handling_overdue_report_view_kanban",
                        "kanban",
                    ),
                    (
                        "order_handling_dashboard.order_handling_overdue_report_view_list",
                        "list",
                    ),
                ],
                help_text=self.env._("Nothing is overdue"),
            ),
            "items": [],
        }

    def _tiles_rates(self, since):
        """On-time delivery of the orders shipped, first-pass accuracy of the
        orders received, over the last 30 days (a grouped read each: the
        ratio of the sums, as in every report of this addon)."""
        Kpi = self.env["order.handling.kpi.order"]
        since_text = fields.Datetime.to_string(since)
        views = [
            ("order_handling_dashboard.order_handling_kpi_order_view_list", "list"),
            (False, "form"),
        ]
        on_time_domain = [("date_shipped", ">=", since_text), ("on_time_base", "=", 1)]
        [(on_time, base)] = Kpi._read_group(
            on_time_domain, [], ["on_time_count:sum", "on_time_base:sum"]
        )
        first_pass_domain = [
            ("date_received", ">=", since_text),
            ("checked_count", "=", 1),
        ]
        [(first_pass, checked)] = Kpi._read_group(
            first_pass_domain, [], ["first_pass_count:sum", "checked_count:sum"]
        )
        on_time_rate = self._rate(on_time, base)
        first_pass_rate = self._rate(first_pass, checked)
        return [
            {
                "key": "on_time",
                "sequence": 30,
                "label": self.env._("On-time Delivery"),
                "value": on_time_rate,
                "unit": "%",
                "description": self.env._(
                    "%(count)s of %(total)s orders shipped in the last 30 days "
                    "on their day",
                    count=on_time,
                    total=base,
                )
                if base
                else self.env._("No order shipped in the last 30 days"),
                "icon": "fa-truck",
                "tone": self._rate_tone(on_time_rate),
                "action": self._tile_action(
                    self.env._("Orders Shipped in the Last 30 Days"),
                    Kpi._name,
                    on_time_domain,
                    views,
                    help_text=self.env._("No order shipped in the last 30 days"),
                ),
                "items": [],
            },
            {
                "key": "first_pass",
                "sequence": 40,
                "label": self.env._("First-pass Accuracy"),
                "value": first_pass_rate,
                "unit": "%",
                "description": self.env._(
                    "%(count)s of %(total)s orders checked passed first time "
                    "(received in the last 30 days)",
                    count=first_pass,
                    total=checked,
                )
                if checked
                else self.env._("No order checked in the last 30 days"),
                "icon": "fa-check-square-o",
                "tone": self._rate_tone(first_pass_rate),
                "action": self._tile_action(
                    self.env._("Orders Checked in the Last 30 Days"),
                    Kpi._name,
                    first_pass_domain,
                    views,
                    help_text=self.env._("No order checked in the last 30 days"),
                ),
                "items": [],
            },
        ]

    @staticmethod
    def _rate_tone(rate):
        if rate is None:
            return "muted"
        if rate >= 95.0:
            return "success"
        return "warning" if rate >= 80.0 else "danger"

    def _tile_approvals_to_do(self):
        """The tier reviews (OCA base_tier_validation) whose turn has come
        and that name the user: quotations, product plans, requests,
        rewards -- the list of the menu "Approvals to Do"."""
        domain = [
            ("status", "=", "pending"),
            ("can_review", "=", True),
            ("reviewer_ids", "in", self.env.uid),
        ]
        count = self.env["tier.review"].search_count(domain)
        return {
            "key": "approvals_to_do",
            "sequence": 50,
            "label": self.env._("Approvals Waiting for Me"),
            "value": count,
            "unit": "",
            "description": self.env._("Your turn to approve"),
            "icon": "fa-check-circle-o",
            "tone": "warning" if count else "success",
            "action": self._tile_action(
                self.env._("Approvals to Do"),
                "tier.review",
                domain,
                [("order_handling_base.tier_review_view_list_to_approve", "list")],
                help_text=self.env._("Nothing waits for your approval"),
            ),
            "items": [],
        }
