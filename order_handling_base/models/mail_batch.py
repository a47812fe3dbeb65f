# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Chatter work of a workflow step done in batch.

Odoo's per-record helpers cost 10 to 40 queries each: ``activity_schedule``
per assignee (plus an "assigned to you" e-mail per activity),
``activity_feedback`` posting each "done" message with ``message_post``, and
``message_post_with_source(template)`` creating a ``mail.compose.message``
wizard per record. The helpers below give users the same chatter, activities
and e-mails for less:

- ``schedule_activities``: every activity of a step in ONE
  ``mail.activity`` create; the assignment e-mail only when asked (a step
  that posts its own message to the assignees does not send it twice);
- ``activities_done``: the "done" messages (same body, type and subtype as
  Odoo's) created in one batch, without the notification machinery of
  ``message_post`` (the internal *Activities* subtype notifies nobody by
  default); activities that need more than a message (a chained next
  activity, kept when done, attachments, a calendar event) go through
  Odoo's ``_action_done``;
- ``post_template``: a mail template rendered once for all records (in each
  recipient's language) and posted with ``message_post``: the chatter
  message and the queued e-mail of ``message_post_with_source(template)``,
  without its wizard.

The seam: ``post_template`` is the one place that uses private methods of
Odoo's mail (``mail.template._classify_per_lang`` and ``_generate_template``,
``mail.thread._message_compute_author``; ``PRIVATE_MAIL_API``). Measured on
the intake path, Odoo's public ``message_post_with_source`` costs 8 more
queries per status mail and renders the languages once per record instead of
once per call. ``test_mail_batch`` pins the signatures of those methods (it
fails first at the next Odoo version) and checks that the public path, which
``post_template`` falls back to when they are gone (or with
``batch=False``), posts the same message.
"""

import base64
import contextlib

from markupsafe import escape

from odoo import Command, fields, models
from odoo.tools import ormcache
from odoo.tools.translate import LazyGettext

from .cache_mixin import RegistryCacheClearing
from .mail_queue import deferred_notification

NOFOLLOW_KEY = "order_handling_activity_nofollow"
#: ``env.cr.precommit.data`` key of the notes collected by ``notes_batch``
NOTES_BATCH_KEY = "order_handling_notes_batch"

#: the private methods of Odoo's mail that ``post_template`` relies on, with
#: the parameters it passes (pinned by ``test_mail_batch``)
PRIVATE_MAIL_API = {
    "mail.template": {
        "_classify_per_lang": ("res_ids",),
        "_generate_template": ("res_ids", "render_fields", "find_or_create_partners"),
    },
    "mail.thread": {
        "_message_compute_author": ("author_id", "email_from", "raise_on_email"),
        "_mail_get_companies": ("default",),
        "_notify_get_reply_to": ("default",),
    },
}


def _assignee_langs(env, users):
    """The language of each of ``users`` (``{user id: lang}``): with one
    installed language (ormcached, no query) that language; else the users'
    own language, the acting env's language for a user without one."""
    installed = env["res.lang"].get_installed()
    default = env.lang or "en_US"
    if len(installed) < 2:
        return dict.fromkeys(users.ids, installed[0][0] if installed else default)
    return {user.id: user.lang or default for user in users.sudo()}


def _in_lang(value, lang, lang_env):
    """``value`` in ``lang``: a lazy translation (``_lt``) translated, a
    callable called with ``lang_env`` (the env in ``lang``), anything else
    as given."""
    if isinstance(value, LazyGettext):
        return value._translate(lang)
    if callable(value):
        return value(lang_env)
    return value


def schedule_activities(
    assignments,
    act_type_xmlid,
    notify=False,
    follow=False,
    date_deadline=None,
    **values,
):
    """Schedule one activity of type ``act_type_xmlid`` per ``(record,
    user)`` or ``(record, user, values)`` of ``assignments`` (records of any
    model; no activity without a user) in one create, as
    ``activity_schedule`` would (automated, the type's summary and note,
    due today by default; the assignee follows the record).

    Language: an activity is the assignee's text, stored once; it is
    written in the ASSIGNEE's language (``res.users.lang``), not in the
    language of whoever (a cron, an admin) ran the step. The type's summary
    and note are read in each assignee's language (one read per language);
    a ``summary``/``note`` (or any value) given as a lazy translation
    (``_lt = LazyTranslate(__name__)``; ``_lt("Close complaint %s", name)``)
    is translated in the assignee's language, and a ``summary``/``note``
    given as a callable is called with the env in the assignee's language
    (for texts that take a translated field, e.g. a model's name:
    ``lambda env: env._("Approve %s", env["ir.model"]._get(model).name)``).
    A plain string is stored as given (it is in the caller's language):
    pass ``_lt(...)``, not ``self.env._(...)``, for a text of the suite.

    :param bool notify: send Odoo's "assigned to you" notification (off by
      default: the step tells the assignees itself, or the activity is the
      notice);
    :param bool follow: make the assignees followers of the records, as
      Odoo does (off by default: a follower of a sale order gets a copy of
      every customer mail and comment; the activity is their to-do);
    :param values: other ``mail.activity`` values (``summary``, ``note``…)
    """
    assignments = [
        (item[0], item[1], item[2] if len(item) > 2 else {})
        for item in assignments
        if item[1]
    ]
    if not assignments:
        return None
    env = assignments[0][0].env
    if env.context.get("mail_activity_automation_skip"):
        return env["mail.activity"]
    # the id from the registry cache of xml ids (``env.ref`` would also
    # query whether the record exists)
    activity_type = env["mail.activity.type"].browse(
        env["ir.model.data"]._xmlid_to_res_id(act_type_xmlid)
    )
    users = env["res.users"].browse({user.id for _rec, user, _own in assignments})
    langs = _assignee_langs(env, users)
    # per language: the env in it, and the type's summary and note
    by_lang = {}
    model_ids = {}
    vals_list = []
    for record, user, own_values in assignments:
        if record._name not in model_ids:
            model_ids[record._name] = env["ir.model"]._get_id(record._name)
        lang = langs[user.id]
        if lang not in by_lang:
            lang_env = env(context=dict(env.context, lang=lang))
            lang_type = activity_type.with_env(lang_env)
            by_lang[lang] = (lang_env, lang_type.summary, lang_type.default_note)
        lang_env, summary, note = by_lang[lang]
        vals = {
            "activity_type_id": activity_type.id,
            "summary": summary,
            "note": note,
            "automated": True,
            "date_deadline": date_deadline or fields.Date.context_today(record),
            "res_model_id": model_ids[record._name],
            "res_id": record.id,
            "user_id": user.id,
            **values,
            **own_values,
        }
        for key, value in vals.items():
            if isinstance(value, LazyGettext) or (
                key in ("summary", "note") and callable(value)
            ):
                vals[key] = _in_lang(value, lang, lang_env)
        vals_list.append(vals)
    Activity = env["mail.activity"].sudo()
    if not notify:
        Activity = Activity.with_context(mail_activity_quick_update=True)
    if not follow:
        Activity = Activity.with_context(**{NOFOLLOW_KEY: True})
    return Activity.create(vals_list)


def feedback_activities(records, act_type_xmlids, feedback=False):
    """``records.activity_feedback(act_type_xmlids)``, with
    ``activities_done``: the open activities of these types on ``records``
    are marked done."""
    if not records or records.env.context.get("mail_activity_automation_skip"):
        return
    activities = records.sudo().activity_search(act_type_xmlids)
    activities_done(activities, feedback=feedback)


def activities_done(activities, feedback=False):
    """Mark ``activities`` done: a "done" message (``mail.message_activity_done``,
    subtype *Activities*, the activity's type, by the current user) in the
    chatter of each document, then the activities are removed; one message
    create and one unlink for all."""
    if not activities:
        return
    env = activities.env
    attached = set(
        env["ir.attachment"]
        .sudo()
        .search([("res_model", "=", "mail.activity"), ("res_id", "in", activities.ids)])
        .mapped("res_id")
    )
    has_event = "calendar_event_id" in activities._fields
    full = activities.filtered(
        lambda act: (
            act.chaining_type == "trigger"
            or act.activity_type_id.keep_done
            or act.id in attached
            or (has_event and act.calendar_event_id)
        )
    )
    if full:
        full.action_feedback(feedback=feedback)
    activities -= full
    if not activities:
        return
    author = env.user.partner_id
    email_from = author.email_formatted
    subtype_id = env["ir.model.data"]._xmlid_to_res_id("mail.mt_activities")
    qweb = env["ir.qweb"]
    by_model = {}
    for activity in activities:
        body = qweb._render(
            "mail.message_activity_done",
            {
                "activity": activity,
                "feedback": feedback,
                "display_assignee": activity.user_id != env.user,
            },
            minimal_qcontext=True,
        )
        by_model.setdefault(activity.res_model, []).append(
            {
                "model": activity.res_model,
                "res_id": activity.res_id,
                "body": body,
                "author_id": author.id,
                "email_from": email_from,
                "reply_to": email_from,
                "message_type": "notification",
                "subtype_id": subtype_id,
                "is_internal": True,
                "mail_activity_type_id": activity.activity_type_id.id,
            }
        )
    for model, values_list in by_model.items():
        env[model].sudo()._message_create(values_list)
    activities.unlink()


TEMPLATE_FIELDS = (
    "subject",
    "body_html",
    "email_from",
    "partner_to",
    "email_to",
    "email_cc",
    "scheduled_date",
    "attachment_ids",
    "report_template_ids",
)
ATTACHMENT_FIELDS = ("attachment_ids", "report_template_ids")


def _private_mail_api_available(env):
    """Are the private mail methods of ``PRIVATE_MAIL_API`` still there?"""
    return all(
        callable(getattr(env[model], method, None))
        for model, methods in PRIVATE_MAIL_API.items()
        for method in methods
    )


def _sender_partner_id(record, email_from):
    """The partner of a status mail's sender when it is the record's
    salesperson (``user_id``) or the user of the step, known without the
    five queries of Odoo's search by e-mail address
    (``_message_compute_author``), which finds the same partner for them."""
    users = record.env.user
    field = record._fields.get("user_id")
    if field and field.type == "many2one" and field.comodel_name == "res.users":
        users = record.user_id | users
    for user in users:
        if user.email_formatted and user.email_formatted == email_from:
            return user.partner_id.id
    return False


def post_template(records, template, subtype_xmlid="mail.mt_comment", batch=True):
    """Post ``template`` on each of ``records`` as a chatter message e-mailed
    to the template's recipients, as ``records.message_post_with_source(
    template, message_type="comment")`` does (subject and body rendered in
    the recipient's language, the author found from the rendered sender, the
    template's layout, server, attachments, reports and auto-delete), with the
    template rendered once for all records and no composer wizard.
    ``batch=False`` (or an Odoo without the private methods this relies on)
    posts through ``message_post_with_source`` instead.

    :return: the posted ``mail.message`` records
    """
    messages = records.env["mail.message"]
    if not records:
        return messages
    # an automated status mail: the user whose step sent it is not made a
    # follower of the document (the salesperson follows it and gets the
    # customer's answers)
    records = records.with_context(mail_create_nosubscribe=True)
    env = records.env
    if not batch or not _private_mail_api_available(env):
        # Odoo's public path: the same message, one composer per record
        scheduled = deferred_notification(env).get("scheduled_date")
        return records.message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid=subtype_xmlid,
            **(
                {"scheduled_date": fields.Datetime.to_string(scheduled)}
                if scheduled
                else {}
            ),
        )
    # a template without attachments nor reports (the usual status mail) is
    # rendered without looking them up
    render_fields = (
        TEMPLATE_FIELDS
        if template._oh_has_attachments()
        else tuple(name for name in TEMPLATE_FIELDS if name not in ATTACHMENT_FIELDS)
    )
    # the recipients' languages are rendered once, here: given its group's
    # language (``template_preview_lang``), ``_generate_template`` does not
    # render them again (an ``object.partner_id.lang`` eval per record)
    values_by_id, langs = {}, {}
    for lang, (lang_template, res_ids) in template._classify_per_lang(
        records.ids
    ).items():
        langs.update(dict.fromkeys(res_ids, lang))
        values_by_id.update(
            lang_template.with_context(template_preview_lang=lang)._generate_template(
                res_ids, render_fields, find_or_create_partners=True
            )
        )
    Thread = env["mail.thread"].with_context(active_test=False)
    for record in records:
        values = values_by_id[record.id]
        email_from = values.get("email_from") or env.user.email_formatted
        author_id = _sender_partner_id(record, email_from)
        if not author_id:
            author_id, _email = Thread._message_compute_author(
                None, email_from, raise_on_email=False
            )
        # template attachments are copied: the message must not take them
        attachment_ids = (
            template.attachment_ids.copy(
                {"res_model": "mail.compose.message", "res_id": 0}
            ).ids
            if values.get("attachment_ids")
            else []
        )
        messages |= record.message_post(
            body=values.get("body_html") or "",
            subject=values.get("subject") or "",
            email_from=email_from,
            author_id=author_id or env.user.partner_id.id,
            partner_ids=values.get("partner_ids", []),
            attachments=[
                (name, base64.b64decode(content))
                for name, content in values.get("attachments", [])
            ],
            attachment_ids=attachment_ids,
            message_type="comment",
            subtype_xmlid=subtype_xmlid,
            email_layout_xmlid=template.email_layout_xmlid or False,
            email_add_signature=False,
            mail_server_id=template.mail_server_id.id,
            mail_auto_delete=template.auto_delete,
            # the template's own date, or the cron notifies (rendering and
            # queueing the e-mail out of the request)
            scheduled_date=values.get("scheduled_date")
            or deferred_notification(env).get("scheduled_date"),
            force_email_lang=langs.get(record.id),
        )
    return messages


@contextlib.contextmanager
def notes_batch(env):
    """Within the block, ``post_notes_deferred`` (internal notes) collects
    its notes instead of posting them, and they are posted together at the
    end of the block: a step whose parts each tell someone (the order's
    transfer note, one note per slip, one per review) writes one batch.
    Nested blocks join the outermost one; on an error nothing collected is
    posted (the transaction is rolled back anyway). The notes are kept on
    the cursor's pre-commit data of the running request only, never
    between requests."""
    data = env.cr.precommit.data
    if data.get(NOTES_BATCH_KEY) is not None:
        yield
        return
    data[NOTES_BATCH_KEY] = collected = []
    try:
        yield
    finally:
        data.pop(NOTES_BATCH_KEY, None)
    # the default (note) subtype only: the collected posts all use it
    post_notes_deferred(collected)


def post_notes_deferred(posts, subtype_xmlid="mail.mt_note"):
    """Post an internal note on each record of ``posts`` (``(record, body,
    partners)``) that notifies ``partners``, the notifications left to the
    scheduled-message cron, as ``record.message_post(body=body,
    partner_ids=partners.ids, subtype_xmlid=subtype_xmlid,
    **deferred_notification(env))`` does for each, in one ``mail.message``
    create and one ``mail.message.schedule`` create for all (the author is
    not made a follower: an automated note). With the notifications wanted
    now (``order_handling_notify_now``) or an Odoo without the private
    methods of ``PRIVATE_MAIL_API``, each record gets ``message_post``.
    Inside a ``notes_batch`` block, notes are collected and posted at its
    end with the block's other notes (then None is returned).

    :return: the posted ``mail.message`` records, in the order of ``posts``
    """
    if not posts:
        return None
    env = posts[0][0].env
    collected = env.cr.precommit.data.get(NOTES_BATCH_KEY)
    if collected is not None and subtype_xmlid == "mail.mt_note":
        collected.extend(posts)
        return None
    scheduled = deferred_notification(env).get("scheduled_date")
    if not scheduled or not _private_mail_api_available(env):
        messages = env["mail.message"]
        for record, body, partners in posts:
            messages |= record.with_context(
                mail_create_nosubscribe=True, mail_post_autofollow=False
            ).message_post(
                body=body,
                partner_ids=partners.ids,
                subtype_xmlid=subtype_xmlid,
                **deferred_notification(env),
            )
        return messages
    email_from = env.user.email_formatted
    companies, reply_to = {}, {}
    records_by_model = {}
    for record, _body, _partners in posts:
        records_by_model.setdefault(record._name, env[record._name])
        records_by_model[record._name] |= record
    for model, records in records_by_model.items():
        records = records.sudo()
        for record, company in records._mail_get_companies(default=env.company).items():
            companies[(model, record)] = company.id
        for record, address in records._notify_get_reply_to(default=email_from).items():
            reply_to[(model, record)] = address
    subtype_id = env["ir.model.data"]._xmlid_to_res_id(subtype_xmlid)
    messages = (
        env["mail.message"]
        .sudo()
        .create(
            [
                {
                    "author_id": env.user.partner_id.id,
                    "email_from": email_from,
                    "model": record._name,
                    "res_id": record.id,
                    "body": escape(body),
                    "message_type": "comment",
                    "subtype_id": subtype_id,
                    "partner_ids": [Command.set(partners.ids)],
                    "record_company_id": companies.get((record._name, record.id)),
                    "reply_to": reply_to.get((record._name, record.id)),
                }
                for record, body, partners in posts
            ]
        )
    )
    env["mail.message.schedule"].sudo().create(
        [
            {
                "scheduled_datetime": scheduled,
                "mail_message_id": message.id,
                "notification_parameters": "{}",
            }
            for message in messages
        ]
    )
    return messages.with_env(env)


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # ``mail.activity`` subscribes the assignees of the activities it
        # creates; ``schedule_activities(..., follow=False)`` asks it not to
        if self.env.context.get(NOFOLLOW_KEY):
            return True
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )


class MailTemplate(RegistryCacheClearing, models.Model):
    _inherit = "mail.template"

    @ormcache("self.id")
    def _oh_has_attachments(self):
        """Whether the template attaches files or reports, kept in the
        registry cache (cleared by any change of a template)."""
        template = self.sudo()
        return bool(template.attachment_ids or template.report_template_ids)
