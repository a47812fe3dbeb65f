# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from pytz import utc

from odoo import models
from odoo.tools import ormcache

from .cache_mixin import RegistryCacheClearing

# the SLA walk reads a calendar's work time in windows of this length
SLA_WINDOW_DAYS = 14


class ResourceCalendar(RegistryCacheClearing, models.Model):
    _inherit = "resource.calendar"

    @ormcache("self.id", "day")
    def _sla_work_intervals(self, day):
        """Work intervals ``((start, stop), …)`` (aware datetimes) of the
        calendar from ``day`` (a date) 00:00 UTC for ``SLA_WINDOW_DAYS``
        days, global leaves deducted: what ``_work_intervals_batch`` returns
        without a resource.

        Kept in the registry cache per calendar and day, so the SLA deadlines
        of every document that enters a stage that day cost no query; any
        change of a calendar, its attendances or a global leave clears it
        (in every worker)."""
        self.ensure_one()
        start = datetime.combine(day, time.min, tzinfo=utc)
        no_resource = self.env["resource.resource"]
        intervals = self.sudo()._work_intervals_batch(
            start, start + timedelta(days=SLA_WINDOW_DAYS), resources=no_resource
        )[no_resource.id]
        return tuple((begin, stop) for begin, stop, _meta in intervals)


class ResourceCalendarAttendance(RegistryCacheClearing, models.Model):
    _inherit = "resource.calendar.attendance"


class ResourceCalendarLeaves(RegistryCacheClearing, models.Model):
    _inherit = "resource.calendar.leaves"

    def _oh_cache_relevant(self):
        # only global leaves (no resource) count in the SLA work time
        return any(not leave.resource_id for leave in self)
