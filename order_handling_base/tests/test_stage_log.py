# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import OrderHandlingCommon


@tagged("post_install", "-at_install")
class TestStageLog(OrderHandlingCommon):
    def test_every_stage_change_is_logged(self):
        with freeze_time("2026-11-23 08:00:00"):
            slip = self._transfer(["warehouse"])
        with freeze_time("2026-11-23 10:30:00"):
            slip.with_user(self.users["warehouse"]).action_acknowledge()
        with freeze_time("2026-11-23 11:00:00"):
            slip.with_user(self.users["warehouse"]).action_forward(
                self.departments["production"]
            )
        logs = slip.stage_log_ids.sorted("date_start")
        self.assertEqual(logs.mapped("stage"), ["sent", "acknowledged", "forwarded"])
        self.assertEqual(
            logs.mapped("stage_name"), ["Sent", "Acknowledged", "Forwarded"]
        )
        self.assertEqual(
            logs.mapped("user_id"),
            self.users["clerk"] | self.users["warehouse"],
        )
        self.assertEqual(logs[0].date_end, datetime(2026, 11, 23, 10, 30))
        self.assertAlmostEqual(logs[0].duration_hours, 2.5)
        self.assertAlmostEqual(logs[1].duration_hours, 0.5)
        self.assertFalse(logs[2].date_end, "the current stage is open")
        self.assertEqual(slip.stage_start, datetime(2026, 11, 23, 11, 0))

    def _repeatable(self, *states):
        """Slips that let a step write ``states`` again (the workflow guard
        refuses a same-state write otherwise)."""
        return patch.object(
            type(self.env["order.handling.transfer"]),
            "_workflow_repeatable_states",
            states,
        )

    def test_writing_the_same_stage_logs_nothing(self):
        slip = self._transfer(["quality"])
        with self._repeatable("sent"):
            slip.sudo().write({"state": "sent"})
        self.assertEqual(len(slip.stage_log_ids), 1)

    def test_late_stage_is_flagged(self):
        with freeze_time("2026-11-23 08:00:00"):  # Monday
            slip = self._transfer(["quality"])
        self.assertTrue(slip.sla_deadline)
        with freeze_time("2026-12-10 08:00:00"):
            slip.with_user(self.users["quality"]).action_acknowledge()
        log = slip.stage_log_ids.filtered(lambda rec: rec.stage == "sent")
        self.assertTrue(log.is_late)

    def test_mixed_batch(self):
        """Only the records whose stage really changes get a new log row."""
        slips = self._transfer(["quality", "warehouse"])
        slips[0].sudo().write({"state": "acknowledged"})
        with self._repeatable("acknowledged"):
            slips.sudo().write({"state": "acknowledged"})
        self.assertEqual(len(slips[0].stage_log_ids), 2)
        self.assertEqual(len(slips[1].stage_log_ids), 2)

    def test_cycle_times_grouped_by_stage_label(self):
        """The Cycle Times report groups by document type and stage, shown
        with their labels in the user's language, not technical values."""
        slip = self._transfer(["warehouse"])
        slip.with_user(self.users["warehouse"]).action_acknowledge()
        Log = self.env["order.handling.stage.log"].with_user(self.users["manager"])
        domain = [
            ("res_model", "=", "order.handling.transfer"),
            ("res_id", "=", slip.id),
        ]
        groups = Log.read_group(
            domain, ["duration_hours:avg"], ["document_type", "stage_key"], lazy=False
        )
        described = Log.fields_get(["document_type", "stage_key"], ["selection"])
        types = dict(described["document_type"]["selection"])
        stages = dict(described["stage_key"]["selection"])
        self.assertEqual(
            sorted((types[g["document_type"]], stages[g["stage_key"]]) for g in groups),
            [("Transfer Slip", "Acknowledged"), ("Transfer Slip", "Sent")],
        )
        # the report's views group by them
        for view_type in ("pivot", "graph"):
            arch = Log.get_views([(False, view_type)])["views"][view_type]["arch"]
            self.assertIn('name="stage_key"', arch, view_type)
            self.assertNotIn('name="stage"', arch, view_type)
        # in Chinese, from the addon's translations
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["order_handling_base"], ["zh_CN"]
        )
        self.users["manager"].lang = "zh_CN"
        described = Log.with_context(lang="zh_CN").fields_get(
            ["document_type", "stage_key"], ["selection"]
        )
        self.assertEqual(
            dict(described["stage_key"]["selection"])["order.handling.transfer,sent"],
            "已发送",
        )
        self.assertEqual(
            dict(described["document_type"]["selection"])["order.handling.transfer"],
            "转交单",
        )

    def test_every_logged_stage_has_a_label(self):
        """Every document type that logs stages, in every addon installed,
        offers all its stages to the report."""
        Log = self.env["order.handling.stage.log"]
        stages = dict(Log._fields["stage_key"]._description_selection(self.env))
        types = dict(Log._fields["document_type"]._description_selection(self.env))
        mixin = self.env.registry["order.handling.stage.mixin"]
        logged = [
            name
            for name, model in self.env.registry.items()
            if issubclass(model, mixin) and not model._abstract and not model._transient
        ]
        self.assertIn("order.handling.transfer", logged)
        for name in logged:
            Model = self.env[name]
            self.assertEqual(types[name], Model._description)
            field = Model._fields[Model._stage_field]
            for value, label in field._description_selection(self.env):
                self.assertEqual(stages[f"{name},{value}"], label)
        # a row gets its keys when it is logged
        slip = self._transfer(["quality"])
        self.assertEqual(slip.stage_log_ids.stage_key, "order.handling.transfer,sent")
        self.assertEqual(slip.stage_log_ids.document_type, "order.handling.transfer")

    def test_close_sets_what_the_orm_would(self):
        """The stage log is closed by one UPDATE: end, duration, deadline,
        lateness and the writer are those the ORM computes."""
        with freeze_time("2026-11-23 08:00:00"):  # Monday
            slips = self._transfer(["quality", "warehouse"])
        deadlines = slips.mapped("sla_deadline")
        self.assertTrue(all(deadlines))
        with freeze_time("2026-11-23 09:20:00"):
            slips[0].with_user(self.users["quality"]).action_acknowledge()
        with freeze_time("2026-12-10 08:00:00"):
            slips[1].with_user(self.users["warehouse"]).action_acknowledge()
        on_time, late = (
            slip.stage_log_ids.filtered(lambda rec: rec.stage == "sent")
            for slip in slips
        )
        self.assertEqual(on_time.date_end, datetime(2026, 11, 23, 9, 20))
        self.assertEqual(on_time.duration_hours, 80 / 60)
        self.assertEqual(on_time.sla_deadline, deadlines[0])
        self.assertFalse(on_time.is_late)
        self.assertEqual(on_time.write_uid, self.users["quality"])
        self.assertEqual(late.duration_hours, (17 * 24) + 0.0)
        self.assertTrue(late.is_late)
        self.assertEqual(late.write_uid, self.users["warehouse"])
        # the new rows are open, with nothing computed after their insert
        for slip in slips:
            current = slip.stage_log_ids.filtered(lambda rec: not rec.date_end)
            self.assertEqual(current.stage, "acknowledged")
            self.assertEqual(current.duration_hours, 0.0)
            self.assertFalse(current.is_late)


@tagged("post_install", "-at_install")
class TestStageLogStatement(OrderHandlingCommon):
    """A stage change closes the open row and opens the new one in ONE
    statement; a log with fields of another addon goes through the ORM, with
    the same rows."""

    def _log_statements(self, func):
        statements = []
        execute = type(self.env.cr).execute

        def counting(cr, query, params=None, log_exceptions=True):
            if "order_handling_stage_log" in str(query):
                statements.append(str(query))
            return execute(cr, query, params, log_exceptions)

        with patch.object(type(self.env.cr), "execute", counting):
            func()
            self.env.flush_all()
        return statements

    def _check_rows(self, slips):
        for slip in slips:
            logs = slip.stage_log_ids.sorted("id")
            self.assertEqual(logs.mapped("stage"), ["sent", "acknowledged"])
            self.assertTrue(logs[0].date_end)
            self.assertFalse(logs[1].date_end)
            self.assertEqual(logs[1].date_start, slip.stage_start)
            self.assertEqual(logs[1].user_id, slip.env.user)
            self.assertEqual(logs[1].company_id, slip.company_id)
            self.assertEqual(logs[1].stage_key, "order.handling.transfer,acknowledged")

    def test_one_statement_per_stage_change(self):
        slips = self._transfer(["quality", "warehouse"])
        statements = self._log_statements(
            lambda: slips.sudo().write({"state": "acknowledged"})
        )
        self.assertEqual(len(statements), 1, statements)
        self.assertIn("INSERT INTO order_handling_stage_log", statements[0])
        self._check_rows(slips)

    def test_orm_when_the_log_has_other_fields(self):
        slips = self._transfer(["quality", "warehouse"])
        Transfer = type(self.env["order.handling.transfer"])
        with patch.object(Transfer, "_stage_log_sql_ok", return_value=False):
            statements = self._log_statements(
                lambda: slips.sudo().write({"state": "acknowledged"})
            )
        self.assertGreater(len(statements), 1)
        self._check_rows(slips)
