# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import schedule_activities

_logger = logging.getLogger(__name__)

#: the entries only the server files (``_file_entries``): a client files
#: ``other`` entries only
SYSTEM_KINDS = ("tamper", "refused_access", "approval_bypass")
#: refused reads recorded per user and day at most (R7.8): beyond that, the
#: entries already filed are enough to act on, and a client asking for ids
#: one by one cannot flood the register
MAX_REFUSALS_PER_USER_DAY = 20
ACTIVITY_TYPE = "sale_order_violation.mail_activity_type_violation"


class SaleOrderViolation(models.Model):
    """The register of violations of the order-information rules (违规处理,
    R7.8): tampered archives, refused attempts to read archived orders and
    approvals decided outside the approval workflow are filed by the server
    as they are detected (``_file_entries``); managers file other cases by hand,
    review each entry and record their decision. An entry is never deleted;
    once decided or dismissed it is a record that nobody edits."""

    _name = "sale.order.violation"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Order Rules Violation"
    _order = "date desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    _workflow_state_field = "state"
    # the facts the server found are its record: a client gives only a
    # manual entry (kind "other") and its facts
    _workflow_protected_fields = (
        "kind",
        "date",
        "res_model",
        "res_id",
        "dedup_key",
        "decided_uid",
        "decided_date",
    )
    _workflow_transitions = {
        "new": ("under_review", "dismissed"),
        "under_review": ("decided", "dismissed"),
    }
    _workflow_locked_states = ("decided", "dismissed")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date = fields.Datetime(
        string="Detected on",
        required=True,
        readonly=True,
        index=True,
        default=fields.Datetime.now,
    )
    kind = fields.Selection(
        [
            ("tamper", "Tampered Archive"),
            ("refused_access", "Refused Access"),
            ("approval_bypass", "Approval Bypassed"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        readonly=True,
        index=True,
        tracking=True,
        help="Filed by the system when it detects the event; Other: filed by "
        "a manager.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Person Concerned",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="Who committed the violation, when known. The person concerned "
        "does not see the entry.",
    )
    order_id = fields.Many2one(
        "sale.order",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    res_model = fields.Char(string="Source Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", readonly=True
    )
    source_ref = fields.Reference(
        selection="_selection_source_model",
        string="Source",
        compute="_compute_source_ref",
        help="The record where the event was detected (archive, review…).",
    )
    dedup_key = fields.Char(
        readonly=True,
        copy=False,
        help="One refused access per person, order and day (technical).",
    )
    facts = fields.Text(required=True, tracking=True)
    decision = fields.Text(tracking=True)
    decided_uid = fields.Many2one(
        "res.users", string="Decided by", readonly=True, copy=False
    )
    decided_date = fields.Datetime(string="Decided on", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("new", "New"),
            ("under_review", "Under Review"),
            ("decided", "Decided"),
            ("dismissed", "Dismissed"),
        ],
        required=True,
        default="new",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    can_start_review = fields.Boolean(compute="_compute_can_buttons")
    can_decide = fields.Boolean(compute="_compute_can_buttons")
    can_dismiss = fields.Boolean(compute="_compute_can_buttons")

    _sql_constraints = [
        (
            "dedup_key_unique",
            "unique(dedup_key)",
            "This refused access is already registered today.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.model
    def _selection_source_model(self):
        return [
            (model.model, model.name)
            for model in self.env["ir.model"]
            .sudo()
            .search([("model", "in", self._violation_source_models())])
        ]

    @api.model
    def _violation_source_models(self):
        """Hook: the models whose records feed the register (an integrator
        adding a feed adds its model here)."""
        return ["sale.order", "sale.order.line", "sale.order.archive", "tier.review"]

    @api.depends("res_model", "res_id")
    def _compute_source_ref(self):
        for entry in self:
            entry.source_ref = (
                f"{entry.res_model},{entry.res_id}"
                if entry.res_model in self._violation_source_models() and entry.res_id
                else False
            )

    # ------------------------------------------------------------------
    # Creation and changes
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._oh_check_values(vals_list)
        if not self._workflow_is_trusted():
            # a manager files a manual entry; the system files the others
            self._check_manager()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company_id = vals.get("company_id") or self.env.company.id
                vals["name"] = (
                    self.env["ir.sequence"]._oh_next_by_code(
                        "sale.order.violation", company_id
                    )
                    or "/"
                )
        entries = super().create(vals_list)
        entries._notify_managers()
        return entries

    def write(self, vals):
        self._oh_check_values([vals])
        if not self._workflow_is_trusted():
            self._check_manager()
            self._check_facts_unchanged(vals)
        return super().write(vals)

    def _check_facts_unchanged(self, vals):
        """What the system found stays as it found it (a manager may name
        the person of a tampered archive once found); a manual entry is
        completed while it is new."""
        for entry in self:
            fixed = set()
            if entry.kind != "other" or entry.state != "new":
                fixed |= {"facts", "company_id", "order_id"}
            if entry.kind != "other" and entry.user_id:
                fixed.add("user_id")
            if fixed.intersection(vals):
                raise UserError(
                    self.env._(
                        "The facts of violation %s are the record of what was "
                        "detected or filed: they cannot be changed.",
                        entry.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("The register of violations is kept: entries are never deleted.")
        )

    # ------------------------------------------------------------------
    # Review
    # ------------------------------------------------------------------

    def _check_manager(self):
        if self.env.su or self.env.user.has_group(roles.MANAGER):
            return
        raise AccessError(
            self.env._(
                "Only the order-handling administrators and the general managers "
                "keep the register of violations."
            )
        )

    def _refuse_reviewer(self):
        """A manager reviews an entry; nobody decides on their own case: an
        ``AccessError`` for who does not keep the register or may not edit
        the entry, a sentence for the person concerned, or ``""``."""
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group(roles.MANAGER)):
            return AccessError(
                self.env._(
                    "Only the order-handling administrators and the general "
                    "managers keep the register of violations."
                )
            )
        if not self.has_access("write"):
            # the record rules: another company's entry, or one's own case,
            # which its person does not even see: Odoo's own error, as for
            # a read (built only for who cannot read the entry: it empties
            # the cache the flags are computed in)
            try:
                self.check_access("write")
            except AccessError as error:
                return error
        if self.user_id == self.env.user and not self.env.su:
            return self.env._(
                "Violation %s concerns you: another manager reviews it.", self.name
            )
        return ""

    # the buttons' rules (``order.handling.button.mixin``): the reviewer,
    # then the state (R7.8); the decision text is checked by the actions

    def _refuse_start_review(self):
        return self._refuse_reviewer() or self._refuse_unless_state("new")

    def _refuse_decide(self):
        return self._refuse_reviewer() or self._refuse_unless_state("under_review")

    def _refuse_dismiss(self):
        return self._refuse_reviewer() or self._refuse_unless_state(
            "new", "under_review"
        )

    def _check_decision(self):
        for entry in self:
            if not (entry.decision or "").strip():
                raise UserError(
                    self.env._(
                        "Write the decision on violation %s first (for a dismissal: "
                        "why it is no violation).",
                        entry.name,
                    )
                )

    def action_start_review(self):
        self._ensure_can("start_review")
        self._workflow_write({"state": "under_review"})
        return True

    def action_decide(self):
        self._ensure_can("decide")
        self._check_decision()
        self._workflow_write(
            {
                "state": "decided",
                "decided_uid": self.env.uid,
                "decided_date": fields.Datetime.now(),
            }
        )
        self._close_activities()
        return True

    def action_dismiss(self):
        self._ensure_can("dismiss")
        self._check_decision()
        self._workflow_write(
            {
                "state": "dismissed",
                "decided_uid": self.env.uid,
                "decided_date": fields.Datetime.now(),
            }
        )
        self._close_activities()
        return True

    def _close_activities(self):
        """Once an entry is decided, the other managers' to-dos go."""
        type_id = self.env["ir.model.data"]._xmlid_to_res_id(ACTIVITY_TYPE)
        self.sudo().activity_ids.filtered(
            lambda act: act.activity_type_id.id == type_id
        ).unlink()

    def action_open_source(self):
        self.ensure_one()
        if not self.source_ref:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Notification of the managers
    # ------------------------------------------------------------------

    def _get_reviewers(self):
        """Hook: who reviews the entries of ``self``, per entry: the
        order-handling administrators (the general managers are some) of
        the entry's company, not the person concerned."""
        managers = (
            self.env.ref(roles.MANAGER)
            .sudo()
            .users.filtered(lambda u: u.active and not u.share)
        )
        return {
            entry: managers.filtered(
                lambda u, e=entry: e.company_id in u.company_ids and u != e.user_id
            )
            for entry in self
        }

    def _notify_managers(self):
        """One chatter note per entry and one activity per entry and
        reviewer, each in one create."""
        if not self:
            return
        entries = self.sudo()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        bodies = {
            entry.id: self.env._(
                "%(kind)s registered: %(facts)s",
                kind=kinds[entry.kind],
                facts=entry.facts,
            )
            for entry in entries
        }
        entries._message_log_batch(bodies=bodies)
        reviewers = entries._get_reviewers()

        def note(entry):
            # the reviewer's activity in the reviewer's language
            return lambda env: env._(
                "%(kind)s registered: %(facts)s",
                kind=dict(entry._fields["kind"]._description_selection(env))[
                    entry.kind
                ],
                facts=entry.facts,
            )

        schedule_activities(
            [
                (entry, user, {"note": note(entry)})
                for entry in entries
                for user in reviewers[entry]
            ],
            ACTIVITY_TYPE,
        )

    # ------------------------------------------------------------------
    # Feeds: the server files what it detects
    # ------------------------------------------------------------------

    @api.model
    def _file_entries(self, vals_list):
        """File the entries ``vals_list`` as the system (kind, facts…
        included), in one create; the managers are told."""
        if not vals_list:
            return self.browse()
        return self.sudo().create(vals_list).with_env(self.env)

    @api.model
    def _register_tampered_archives(self, archives):
        """One entry per tampered archive of a company that keeps the
        register (R7.6 → R7.8)."""
        archives = archives.sudo().filtered(
            lambda a: a.company_id.sale_order_violation_register
        )
        return self._file_entries(
            [
                {
                    "kind": "tamper",
                    "company_id": archive.company_id.id,
                    "order_id": archive.order_id.id,
                    "res_model": archive._name,
                    "res_id": archive.id,
                    "facts": self.env._(
                        "Archive %(archive)s of order %(order)s no longer matches "
                        "its snapshot and checksum: %(detail)s",
                        archive=archive.name,
                        order=archive.order_id.name,
                        detail=archive.tamper_detail or "-",
                    ),
                }
                for archive in archives
            ]
        )

    @api.model
    def _register_approval_bypass(self, reviews, status):
        """One entry per review of a suite document decided (``status``)
        outside the approval workflow, by the superuser (R7.1 → R7.8). The
        person concerned is the user the superuser acted for (the superuser
        itself in the superuser mode of the web client)."""
        reviews = reviews.sudo()
        vals_list = []
        statuses = dict(reviews._fields["status"]._description_selection(self.env))
        for review in reviews:
            if review.model not in self.env:
                continue
            document = self.env[review.model].sudo().browse(review.res_id).exists()
            if not document:
                continue
            company = (
                document.company_id
                if "company_id" in document._fields and document.company_id
                else self.env.company
            )
            if not company.sale_order_violation_register:
                continue
            vals_list.append(
                {
                    "kind": "approval_bypass",
                    "company_id": company.id,
                    "user_id": self.env.uid,
                    "order_id": document.id
                    if document._name == "sale.order"
                    else False,
                    "res_model": review._name,
                    "res_id": review.id,
                    "facts": self.env._(
                        "Review “%(review)s” of %(document)s was set to %(status)s "
                        "by %(user)s with superuser rights, outside the approval "
                        "workflow (no reviewer decided it with Validate or Reject).",
                        review=review.name or review.definition_id.name or "-",
                        document=document.display_name,
                        status=statuses.get(status, status),
                        user=self.env.user.name,
                    ),
                }
            )
        return self._file_entries(vals_list)

    # --- refused reads of archived orders ----------------------------------

    @api.model
    def _refusal_day_key(self, user, order):
        return f"refused_access:{user.id}:{order.id}:{fields.Date.today()}"

    @api.model
    def _register_refused_access(self, orders, operation):
        """Record that the current user was refused ``operation`` on the
        archived ``orders`` (R7.7 → R7.8), in a cursor of its own: the
        refusal (an AccessError) rolls back the request's transaction, the
        entry must stay. Called while the refusal is made (``ir.rule``),
        never for a mere access test (``has_access``,
        ``_filtered_access``). At most one entry per user, order and day
        (``dedup_key``), and ``MAX_REFUSALS_PER_USER_DAY`` per user and
        day: the new cursor is opened only when something is new. Never
        raises: the user gets the refusal, whatever happens here."""
        user = self.env.user
        if self.env.su or not user._is_internal():
            return
        try:
            orders = orders.sudo().filtered(
                lambda o: o.company_id.sale_order_violation_register
            )
            if not orders:
                return
            Entry = self.sudo()
            keys = {order.id: self._refusal_day_key(user, order) for order in orders}
            known = set(
                Entry.search([("dedup_key", "in", list(keys.values()))]).mapped(
                    "dedup_key"
                )
            )
            today = fields.Datetime.to_datetime(fields.Date.today())
            filed = Entry.search_count(
                [
                    ("kind", "=", "refused_access"),
                    ("user_id", "=", user.id),
                    ("date", ">=", today),
                ]
            )
            room = MAX_REFUSALS_PER_USER_DAY - filed
            new = [order for order in orders if keys[order.id] not in known][:room]
            if not new:
                return
            operations = {
                "read": self.env._("read"),
                "write": self.env._("change"),
                "create": self.env._("create"),
                "unlink": self.env._("delete"),
            }
            vals_list = [
                {
                    "kind": "refused_access",
                    "company_id": order.company_id.id,
                    "user_id": user.id,
                    "order_id": order.id,
                    "res_model": order._name,
                    "res_id": order.id,
                    "dedup_key": keys[order.id],
                    "facts": self.env._(
                        "%(user)s tried to %(operation)s archived order %(order)s "
                        "without an approved access request and was refused.",
                        user=user.name,
                        operation=operations.get(operation, operation),
                        order=order.name,
                    ),
                }
                for order in new
            ]
            self._register_in_own_cursor(vals_list)
        except Exception:  # noqa: BLE001 - the refusal must reach the user
            _logger.exception("Could not register a refused access (R7.8)")

    @api.model
    def _register_in_own_cursor(self, vals_list):
        """Create ``vals_list`` as the system in a new cursor, committed
        when the block ends (the caller's transaction is rolled back by the
        refusal). A lock wait is cut short, and a duplicate written at the
        same moment by another request is skipped."""
        with self.env.registry.cursor() as cr:
            cr.execute(SQL("SET LOCAL lock_timeout = '2s'"))
            env = api.Environment(cr, SUPERUSER_ID, {"lang": self.env.lang})
            try:
                with cr.savepoint():
                    env[self._name]._file_entries(vals_list)
                    env.flush_all()
            except psycopg2.Error as error:
                _logger.info("Refused access not registered (%s)", error)
