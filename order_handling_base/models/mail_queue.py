# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""E-mails of the workflow go through Odoo's mail queue.

A chatter message or an activity assignment that e-mails its recipients
sends those e-mails, by default, at the end of the request that posted it
(``force_send``): the user waits for the SMTP exchange. The actions of the
suite post with ``mail_notify_force_send=False`` instead: the ``mail.mail``
records are queued and, when a request queued any, the *Mail: Email Queue
Manager* cron gets a due trigger: the cron workers send them at their next
wake-up (within a minute), in the background.
Recipients, contents and inbox notifications are unchanged.

The notifications of the suite's own workflow messages (the transfer
message to the departments, the customer status mails) go one step further:
``deferred_notification(env)`` gives ``message_post`` a ``scheduled_date``
one second ahead, so Odoo keeps the message and its recipients in a
``mail.message.schedule`` row and the *Mail: Send scheduled message* cron
(the cron workers, within a minute) creates the inbox notifications and
renders and queues the e-mails. The request that posts writes the chatter
message only: the fan-out to many recipients (rendering the e-mail layout
in each language, one notification per recipient) is background work.
The context key ``order_handling_notify_now`` notifies at once instead.
"""

import functools
from datetime import timedelta

from odoo import api, fields, models

QUEUE_KEY = "order_handling_mail_queue"


NOTIFY_NOW_KEY = "order_handling_notify_now"


def deferred_notification(env):
    """``message_post`` arguments that leave the notifications of the message
    to the scheduled-message cron (see above); none with the context key
    ``order_handling_notify_now``."""
    if env.context.get(NOTIFY_NOW_KEY):
        return {}
    return {"scheduled_date": env.cr.now() + timedelta(seconds=1)}


def send_scheduled_notifications(messages):
    """Notify now what ``deferred_notification`` left to the cron for
    ``messages`` (what the cron does, e-mails queued): for integrators who
    need the notifications in the same transaction, and for tests."""
    return with_mail_queue(
        messages.env["mail.message.schedule"].sudo()
    )._send_message_notifications(messages)


def with_mail_queue(records):
    """``records`` in an environment whose e-mail notifications are queued
    (and the queue triggered when a mail is created)."""
    if records.env.context.get(QUEUE_KEY):
        return records
    return records.with_context(**{QUEUE_KEY: True, "mail_notify_force_send": False})


def mail_queued(method):
    """Decorator: the method runs on ``with_mail_queue(self)``."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        return method(with_mail_queue(self), *args, **kwargs)

    return wrapper


def trigger_mail_queue(env):
    """Have the mail queue cron run as soon as this transaction is
    committed: one trigger per transaction."""
    data = env.cr.precommit.data
    if data.get(QUEUE_KEY):
        return
    data[QUEUE_KEY] = True
    cron_id = env["ir.model.data"]._xmlid_to_res_id(
        "mail.ir_cron_mail_scheduler_action", raise_if_not_found=False
    )
    if cron_id:
        # a due trigger: the cron workers run the queue at their next wake-up
        # (within a minute); no NOTIFY, which costs a new connection to the
        # "postgres" database per request
        env["ir.cron.trigger"].sudo().create(
            {"cron_id": cron_id, "call_at": fields.Datetime.now()}
        )


class MailMail(models.Model):
    _inherit = "mail.mail"

    @api.model_create_multi
    def create(self, vals_list):
        mails = super().create(vals_list)
        if self.env.context.get(QUEUE_KEY) and any(
            mail.state == "outgoing" for mail in mails
        ):
            trigger_mail_queue(self.env)
        return mails
