# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import OrderHandlingCommon

# 2026-11-27 is a Friday
FRIDAY_3PM = "2026-11-27 15:00:00"


@tagged("post_install", "-at_install")
class TestSla(OrderHandlingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Monday to Friday, 8-12 and 13-17 UTC: 8 working hours a day
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Factory week (UTC)",
                "tz": "UTC",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day}-{start}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": start + 4,
                            "day_period": "morning" if start == 8 else "afternoon",
                        }
                    )
                    for day in range(5)
                    for start in (8, 13)
                ],
            }
        )
        Policy = cls.env["order.handling.sla.policy"]
        Policy.search([]).action_archive()
        cls.policy = Policy.create(
            {
                "name": "Acknowledge within a day",
                "res_model": "order.handling.transfer",
                "stage": "sent",
                "target_hours": 8,
                "at_risk_percent": 50,
                "calendar_id": cls.calendar.id,
            }
        )
        cls.urgent_policy = Policy.create(
            {
                "name": "Urgent: two hours",
                "res_model": "order.handling.transfer",
                "stage": "sent",
                "order_class": "urgent",
                "target_hours": 2,
                "calendar_id": cls.calendar.id,
            }
        )

    @freeze_time(FRIDAY_3PM)
    def test_deadline_skips_the_weekend(self):
        slip = self._transfer(["quality"])
        self.assertEqual(slip.sla_policy_id, self.policy)
        # 2 h left on Friday, 6 h on Monday (8-12, 13-15)
        self.assertEqual(slip.sla_deadline, datetime(2026, 11, 30, 15, 0))
        # at risk after 4 h: Friday 15-17 then Monday 8-10
        self.assertEqual(slip.sla_at_risk_date, datetime(2026, 11, 30, 10, 0))
        self.assertEqual(slip.sla_status, "on_time")

    @freeze_time(FRIDAY_3PM)
    def test_urgent_policy_wins(self):
        slip = self._transfer(["quality"])
        urgent = self.env["order.handling.transfer"].create(
            dict(slip.copy_data()[0], priority="1", name="/")
        )
        self.assertEqual(urgent.sla_policy_id, self.urgent_policy)
        self.assertEqual(urgent.sla_deadline, datetime(2026, 11, 27, 17, 0))

    def test_status_follows_the_clock(self):
        """Elapsed time against the stage's processing-time target gives the on-time /
        overdue state (R5.5)."""
        with freeze_time(FRIDAY_3PM):
            slip = self._transfer(["quality"])
        Slip = self.env["order.handling.transfer"]
        for now, status in [
            ("2026-11-28 12:00:00", "on_time"),  # Saturday: no time spent
            ("2026-11-30 11:00:00", "at_risk"),
            ("2026-11-30 16:00:00", "overdue"),
        ]:
            with freeze_time(now):
                slip.invalidate_recordset(["sla_status"])
                self.assertEqual(slip.sla_status, status, now)
                self.assertEqual(
                    Slip.search([("id", "=", slip.id), ("sla_status", "=", status)]),
                    slip,
                    now,
                )
                self.assertFalse(
                    Slip.search([("id", "=", slip.id), ("sla_status", "!=", status)])
                )

    def test_next_stage_has_no_target(self):
        with freeze_time(FRIDAY_3PM):
            slip = self._transfer(["quality"])
        with freeze_time("2026-11-30 09:00:00"):
            slip.with_user(self.users["quality"]).action_acknowledge()
        self.assertFalse(slip.sla_policy_id)
        self.assertFalse(slip.sla_deadline)
        self.assertEqual(slip.sla_status, "none")
        # the closed stage remembers its deadline and was on time
        sent_log = slip.stage_log_ids.filtered(lambda log: log.stage == "sent")
        self.assertEqual(sent_log.sla_deadline, datetime(2026, 11, 30, 15, 0))
        self.assertFalse(sent_log.is_late)

    def test_escalation_cron_is_idempotent(self):
        """Overdue work is escalated once, however often the cron runs (R5.5)."""
        with freeze_time(FRIDAY_3PM):
            slips = self._transfer(["quality", "warehouse"])
            on_time = self._transfer(
                ["production"], order=self._create_order(self.users["sales"])
            )
        escalation = self.env.ref(
            "order_handling_base.mail_activity_type_sla_escalation"
        )
        cron = self.env.ref("order_handling_base.ir_cron_order_handling_sla_escalation")
        Policy = self.env["order.handling.sla.policy"]
        with freeze_time("2026-11-30 15:30:00"):
            on_time.with_user(self.users["workshop"]).action_acknowledge()
            slips[0].with_user(self.users["quality"]).action_acknowledge()
            Policy._cron_escalate_overdue()
            Policy._cron_escalate_overdue()
            cron.method_direct_trigger()
        late = slips[1]
        self.env.invalidate_all()
        self.assertTrue(late.sla_escalated)
        activities = late.activity_ids.filtered(
            lambda a: a.activity_type_id == escalation
        )
        self.assertEqual(len(activities), 1, "escalated once, not three times")
        self.assertEqual(activities.user_id, self.users["warehouse"])
        messages = late.message_ids.filtered(lambda m: "Overdue" in (m.body or ""))
        self.assertEqual(len(messages), 1)
        self.assertIn(self.users["warehouse"].partner_id, messages.partner_ids)
        # acknowledged in time (or late but handled) slips are not escalated
        self.assertFalse(slips[0].sla_escalated)
        self.assertFalse(on_time.sla_escalated)
        self.assertFalse(
            (slips[0] | on_time).activity_ids.filtered(
                lambda a: a.activity_type_id == escalation
            )
        )

    def test_policy_validation(self):
        Policy = self.env["order.handling.sla.policy"]
        with self.assertRaisesRegex(Exception, "does not exist"):
            Policy.create(
                {
                    "name": "Typo",
                    "res_model": "order.handling.transfer",
                    "stage": "sended",
                    "calendar_id": self.calendar.id,
                }
            )
        self.assertIn(
            ("order.handling.transfer", "Transfer Slip"),
            Policy._selection_res_model(),
        )

    def test_one_walk_plans_like_plan_hours(self):
        """``_sla_plan_hours`` gives what ``plan_hours`` gives for each
        duration, over a weekend, a public holiday and several windows."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Factory holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 12, 1, 0, 0),
                "date_to": datetime(2026, 12, 1, 23, 59, 59),
            }
        )
        Slip = self.env["order.handling.transfer"]
        for start in (
            datetime(2026, 11, 27, 15, 0),  # Friday afternoon
            datetime(2026, 11, 28, 9, 30),  # Saturday
            datetime(2026, 11, 30, 12, 15),  # Monday, lunch break
        ):
            hours = (0.5, 4.0, 8.0, 16.0, 150.0)
            expected = tuple(
                self.calendar.plan_hours(h, start, compute_leaves=True) for h in hours
            )
            self.assertEqual(
                Slip._sla_plan_hours(self.calendar, start, hours), expected, start
            )

    @freeze_time(FRIDAY_3PM)
    def test_policy_changes_reach_the_cached_table(self):
        """Policies are kept in the registry cache: a change is seen at once."""
        first = self._transfer(["quality"])
        self.assertEqual(first.sla_deadline, datetime(2026, 11, 30, 15, 0))
        self.policy.target_hours = 2
        second = self._transfer(["warehouse"])
        self.assertEqual(second.sla_deadline, datetime(2026, 11, 27, 17, 0))
        self.policy.action_archive()
        third = self._transfer(["production"])
        self.assertFalse(third.sla_policy_id)
        self.assertFalse(third.sla_deadline)

    @freeze_time(FRIDAY_3PM)
    def test_stage_change_reads_no_policy(self):
        """The SLA of a stage change costs the calendar queries only: the
        policies come from the registry cache."""
        slip = self._transfer(["quality"])
        slip.sudo().write({"state": "acknowledged"})
        self.env.flush_all()
        Policy = self.env["order.handling.sla.policy"]
        Policy._get_policy_table("order.handling.transfer")  # warm
        with self.assertQueryCount(0):
            table = Policy._get_policy_table("order.handling.transfer")
        self.assertEqual(
            {row.id for row in table}, {self.policy.id, self.urgent_policy.id}
        )

    @freeze_time(FRIDAY_3PM)
    def test_calendar_cache_follows_changes(self):
        """The work time of a calendar is cached per day: the second document
        of the day costs no calendar query, and a new public holiday or a
        changed attendance is seen at once."""
        first = self._transfer(["quality"])
        self.assertEqual(first.sla_deadline, datetime(2026, 11, 30, 15, 0))
        Slip = self.env["order.handling.transfer"]
        start = datetime(2026, 11, 27, 15, 0)
        with self.assertQueryCount(0):
            self.assertEqual(
                Slip._sla_plan_hours(self.calendar, start, (8.0,)),
                (datetime(2026, 11, 30, 15, 0),),
            )
        holiday = self.env["resource.calendar.leaves"].create(
            {
                "name": "Factory holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 11, 30, 0, 0),
                "date_to": datetime(2026, 11, 30, 23, 59, 59),
            }
        )
        second = self._transfer(["warehouse"])
        self.assertEqual(second.sla_deadline, datetime(2026, 12, 1, 15, 0))
        holiday.unlink()
        # Monday afternoons off
        self.calendar.attendance_ids.filtered(
            lambda a: a.dayofweek == "0" and a.hour_from == 13
        ).unlink()
        self.assertEqual(
            Slip._sla_plan_hours(self.calendar, start, (8.0,)),
            (datetime(2026, 12, 1, 10, 0),),
        )
