# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import schedule_activities
from odoo.addons.order_handling_base.models.texts import set_generated_names

_lt = LazyTranslate(__name__)


class SaleOrderReviewMeeting(models.Model):
    """A review meeting (评审会) of a non-regular order (R3.2): invited
    departments and attendees (a calendar event), each department's opinion,
    and a resolution — make or not, and what to make — that the general
    manager approves."""

    _name = "sale.order.review.meeting"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Review Meeting"
    _order = "date_start desc, id desc"
    _check_company_auto = True
    # scheduled, resolved, approved and cancelled only by the buttons (in
    # sudo, after their checks); a resolution sent to the general manager is
    # what the general manager approves: nothing of it changes afterwards
    _workflow_state_field = "state"
    _workflow_protected_fields = (
        "resolution_uid",
        "approved_uid",
        "approved_date",
        "calendar_event_id",
    )
    _workflow_transitions = {
        "draft": ("scheduled", "cancelled"),
        "scheduled": ("resolved", "cancelled"),
        # the order's cancellation stops a resolution the general manager
        # has not approved yet (``sale.order.review._cancel_with_order``)
        "resolved": ("approved", "cancelled"),
    }
    _workflow_locked_states = ("resolved", "approved", "cancelled")

    # generated in every active language when the meeting is created
    name = fields.Char(readonly=True, translate=True)
    review_id = fields.Many2one(
        "sale.order.review",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    order_id = fields.Many2one(related="review_id.order_id", store=True)
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    date_start = fields.Datetime(
        string="Starts On",
        required=True,
        default=lambda self: (
            fields.Datetime.now().replace(minute=0, second=0) + timedelta(days=1)
        ),
        tracking=True,
    )
    duration = fields.Float(default=1.0, help="In hours.")
    department_ids = fields.Many2many(
        "order.handling.department",
        string="Invited Departments",
        check_company=True,
        default=lambda self: self._default_department_ids(),
    )
    attendee_ids = fields.Many2many(
        "res.users", string="Attendees", domain="[('share', '=', False)]"
    )
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)
    opinion_ids = fields.One2many(
        "sale.order.review.opinion", "meeting_id", string="Opinions"
    )
    state = fields.Selection(
        [
            ("draft", "To Schedule"),
            ("scheduled", "Scheduled"),
            ("resolved", "Resolution to Approve"),
            ("approved", "Resolution Approved"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    make = fields.Selection(
        [("make", "Make the product"), ("not_make", "Do not make it")],
        string="Resolution",
        tracking=True,
    )
    what_to_make = fields.Text(
        string="What to Make",
        help="The product to make, as the meeting decided it: the basis of the "
        "product plan.",
    )
    resolution_uid = fields.Many2one("res.users", string="Resolved By", readonly=True)
    approved_uid = fields.Many2one("res.users", string="Approved By", readonly=True)
    approved_date = fields.Datetime(string="Approved On", readonly=True)
    can_schedule = fields.Boolean(compute="_compute_can_buttons")
    can_resolve = fields.Boolean(compute="_compute_can_buttons")
    can_approve_resolution = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")

    @api.model
    def _default_department_ids(self):
        return self.env["order.handling.department"].search(
            [
                ("company_id", "=", self.env.company.id),
                ("code", "in", ["engineering", "quality", "production", "purchasing"]),
            ]
        )

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        # the name in every language: each reader sees their own
        unnamed = meetings.filtered(lambda m: not m.name)
        set_generated_names(
            unnamed,
            "name",
            [
                _lt("Review meeting %(review)s", review=meeting.review_id.name or "")
                for meeting in unnamed
            ],
        )
        return meetings

    # the buttons' rules (``order.handling.button.mixin``): the state, then
    # the role — the review's reviewer organises, the general manager
    # approves the resolution (R3.2); what to write first is checked by the
    # actions

    def _meeting_state_refusal(self, *allowed):
        """The rule "only in these states", for one meeting, or ``""``."""
        self.ensure_one()
        if self.state in allowed:
            return ""
        return self.env._(
            "%(meeting)s is %(state)s: not possible now.",
            meeting=self.name,
            state=dict(self._fields["state"]._description_selection(self.env))[
                self.state
            ],
        )

    def _refuse_schedule(self):
        return self._meeting_state_refusal("draft") or self.review_id._refuse_reviewer()

    def _refuse_resolve(self):
        return (
            self._meeting_state_refusal("scheduled")
            or self.review_id._refuse_reviewer()
        )

    def _refuse_approve_resolution(self):
        refusal = self._meeting_state_refusal("resolved")
        if refusal or self.env.su or self.env.user.has_group(roles.GENERAL_MANAGER):
            return refusal
        return AccessError(
            self.env._("Only the general manager approves review resolutions.")
        )

    def _refuse_cancel(self):
        return (
            self._meeting_state_refusal("draft", "scheduled")
            or self.review_id._refuse_reviewer()
        )

    def action_schedule(self):
        """Invite the attendees: a calendar event and an inbox message."""
        self._ensure_can("schedule")
        for meeting in self:
            attendees = meeting.attendee_ids | meeting.department_ids.manager_id
            if not attendees:
                raise UserError(self.env._("Invite at least one attendee."))
            event = (
                self.env["calendar.event"]
                .sudo()
                .create(
                    {
                        "name": meeting.name,
                        "start": meeting.date_start,
                        "stop": meeting.date_start
                        + timedelta(hours=meeting.duration or 1.0),
                        "user_id": self.env.uid,
                        "partner_ids": [
                            Command.set((attendees | self.env.user).partner_id.ids)
                        ],
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": meeting.id,
                    }
                )
            )
            meeting.sudo().write(
                {
                    "state": "scheduled",
                    "calendar_event_id": event.id,
                    "attendee_ids": [Command.set(attendees.ids)],
                }
            )
        return True

    def action_resolve(self):
        """The engineering supervisor records the resolution."""
        self._ensure_can("resolve")
        for meeting in self:
            if not meeting.make:
                raise UserError(self.env._("Record the resolution: make it or not."))
            if meeting.make == "make" and not (meeting.what_to_make or "").strip():
                raise UserError(self.env._("Say what the meeting decided to make."))
            silent = meeting.department_ids - meeting.opinion_ids.department_id
            if silent:
                raise UserError(
                    self.env._(
                        "Record the opinion of %s first.",
                        ", ".join(silent.mapped("name")),
                    )
                )
        self.sudo().write({"state": "resolved", "resolution_uid": self.env.uid})
        gm_group = self.env.ref(roles.GENERAL_MANAGER)
        # one create for all; the type's summary in each manager's language
        schedule_activities(
            [
                (meeting, manager)
                for meeting in self.sudo()
                for manager in gm_group.users.filtered(
                    lambda u, c=meeting.company_id: c in u.company_ids
                )
            ],
            "sale_order_review.mail_activity_type_resolution",
            notify=True,
            follow=True,
            date_deadline=fields.Date.context_today(self),
        )
        return True

    def action_approve_resolution(self):
        """The general manager approves the resolution; it decides the
        review: make → accepted with what to make as conditions, not make →
        rejected (R3.2, R3.3)."""
        self._ensure_can("approve_resolution")
        self.sudo().write(
            {
                "state": "approved",
                "approved_uid": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        self.sudo().activity_feedback(
            ["sale_order_review.mail_activity_type_resolution"]
        )
        for meeting in self:
            review = meeting.review_id.sudo()
            refusal = review._refuse_open()
            if refusal:
                raise UserError(refusal)
            if meeting.make == "make":
                review.write({"conditions": meeting.what_to_make})
                review._decide("accept_conditions")
            else:
                review.write({"comments": meeting.what_to_make or meeting.name})
                review._decide("reject")
        return True

    def action_cancel(self):
        self._ensure_can("cancel")
        self.calendar_event_id.sudo().unlink()
        self.sudo().write({"state": "cancelled"})
        return True


class SaleOrderReviewOpinion(models.Model):
    """One department's opinion in a review meeting."""

    _name = "sale.order.review.opinion"
    _inherit = ["order.handling.document.mixin"]
    _description = "Review Meeting Opinion"
    _order = "meeting_id, id"

    meeting_id = fields.Many2one(
        "sale.order.review.meeting", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    department_id = fields.Many2one(
        "order.handling.department", required=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Given By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    position = fields.Selection(
        [
            ("agree", "Agree"),
            ("conditions", "Agree with conditions"),
            ("disagree", "Disagree"),
        ],
        required=True,
    )
    opinion = fields.Text(required=True)

    _sql_constraints = [
        (
            "meeting_department_uniq",
            "unique(meeting_id, department_id)",
            "Each department gives one opinion per meeting.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        opinions = super().create(vals_list)
        opinions._check_giver()
        return opinions

    def write(self, vals):
        result = super().write(vals)
        self._check_giver()
        return result

    def _check_giver(self):
        if self.env.su:
            return
        for opinion in self:
            if opinion.meeting_id.state != "scheduled":
                raise UserError(
                    self.env._("Opinions are given while the meeting is scheduled.")
                )
            if not (
                opinion.department_id._is_member(self.env.user)
                or self.env.user.has_group(roles.MANAGER)
                or opinion.meeting_id.review_id._is_reviewer(self.env.user)
            ):
                raise AccessError(
                    self.env._(
                        "Only a member of %s gives its opinion.",
                        opinion.department_id.name,
                    )
                )
