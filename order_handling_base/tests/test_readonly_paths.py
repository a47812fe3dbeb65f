# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's read paths write nothing in a read-only request.

Odoo 18 serves the read routes (``/web/dataset/call_kw`` of the methods
flagged ``@api.readonly``: ``read``, ``search_read``, ``web_search_read``,
``web_read``, ``web_read_group``, ``search_count``, ``name_search``, ...) in a
read-only cursor, on the replica when ``db_replica_host`` is set. A write
there fails with ``ReadOnlySqlTransaction`` and Odoo retries the whole
request on the primary: correct, but every such read costs two transactions
and loads the primary. These tests run the read paths of every installed
suite model (computed fields, record rules such as the department visibility
of orders) in a read-only cursor, as the roles that use them."""

import contextlib
from datetime import timedelta

from psycopg2.errors import ReadOnlySqlTransaction

from odoo import api, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import OrderHandlingCommon

SUITE_AUTHOR = "Order Handling Suite contributors"
# read methods the web client calls on list, form, kanban and search views
# (all flagged ``@api.readonly`` in Odoo 18)
READ_METHODS = ("web_search_read", "web_read", "search_read", "read", "search_count")


@tagged("post_install", "-at_install")
class TestReadonlyPaths(OrderHandlingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.suite_modules = set(
            cls.env["ir.module.module"]
            .search([("state", "=", "installed"), ("author", "=", SUITE_AUTHOR)])
            .mapped("name")
        )
        # as HttpCase does: the cursors a request opens (read-only ones
        # included) are test cursors on this transaction
        cls.registry.enter_test_mode(cls.cr, test_readonly_enabled=True)
        cls.addClassCleanup(cls.registry.leave_test_mode)

    @contextlib.contextmanager
    def _readonly_env(self, user):
        """An environment of ``user`` on a read-only cursor, as a read-only
        route gets it (the test cursor runs ``SET TRANSACTION READ ONLY``)."""
        self.env.flush_all()
        with contextlib.closing(self.registry.cursor(readonly=True)) as cr:
            self.assertTrue(cr.readonly)
            # the test cursor opens its savepoint (and sets the transaction
            # read only) at its first query: now, before the savepoints of
            # assertRaises, which must nest inside it
            cr.execute("SELECT 1")
            yield api.Environment(cr, user.id, {})

    def _suite_fields(self, model):
        """The fields a suite addon defines or extends on ``model``, and its
        name."""
        return sorted(
            {
                name
                for name, field in model._fields.items()
                if getattr(field, "_module", None) in self.suite_modules
                and field.type != "binary"
            }
            | {"display_name"}
        )

    def _read_paths(self, env, model_name, fnames, domain=None):
        """Run each read method on ``model_name``; the failures, by method."""
        failures = []
        Model = env[model_name]
        domain = domain or []
        # the fields this user may read (a role is refused some, e.g. the
        # daily output on orders): each read alone first, as the web client
        # only asks for the fields of its views
        records = Model.search(domain, limit=20)
        readable = []
        for name in fnames:
            try:
                records.read([name])
            except AccessError:
                continue
            except ReadOnlySqlTransaction as exc:
                return [f"{model_name}.read([{name!r}]): {exc.pgerror.strip()}"]
            readable.append(name)
        fnames = readable
        spec = {name: {} for name in fnames}
        calls = {
            "web_search_read": lambda: Model.web_search_read(
                domain, spec, limit=20, count_limit=100
            ),
            "web_read": lambda: Model.search(domain, limit=20).web_read(spec),
            "search_read": lambda: Model.search_read(domain, fnames, limit=20),
            "read": lambda: Model.search(domain, limit=20).read(fnames),
            "search_count": lambda: Model.search_count(domain),
        }
        for method in READ_METHODS:
            try:
                calls[method]()
            except ReadOnlySqlTransaction as exc:
                failures.append(f"{model_name}.{method}: {exc.pgerror.strip()}")
                break  # the transaction is aborted: the next calls would fail too
        return failures

    def test_readonly_cursor_refuses_writes(self):
        """The harness itself: a write in the read-only cursor fails as on
        the replica, so the tests below would see one."""
        refused = False
        with self._readonly_env(self.users["manager"]) as env:
            # (not assertRaises: its savepoint would flush the outer
            # environment, whose connection is the read-only one here)
            try:
                env.cr.execute(
                    "UPDATE order_handling_department SET name = name WHERE id = %s",
                    [self.departments["quality"].id],
                )
            except ReadOnlySqlTransaction:
                refused = True
        self.assertTrue(refused)

    def test_suite_models_read_in_readonly_cursor(self):
        """Every model of the suite is read (lists, forms, counts, with all
        its fields computed) in a read-only cursor without writing, as the
        manager, who reads them all."""
        self._transfer(["quality", "warehouse"])
        suite_models = (
            self.env["ir.model.data"]
            .search(
                [("model", "=", "ir.model"), ("module", "in", list(self.suite_modules))]
            )
            .mapped(lambda data: self.env["ir.model"].browse(data.res_id).model)
        )
        self.assertIn("order.handling.department", suite_models)
        failures, checked = [], []
        user = self.users["manager"]
        for model_name in sorted(set(suite_models)):
            Model = self.env[model_name].with_user(user)
            if Model._abstract or Model._transient or not Model.has_access("read"):
                continue
            with self._readonly_env(user) as env:
                failures += self._read_paths(env, model_name, self._suite_fields(Model))
            checked.append(model_name)
        self.assertIn("order.handling.stage.log", checked)
        self.assertFalse(
            failures, "writes in read-only requests:\n" + "\n".join(failures)
        )

    def test_orders_read_in_readonly_cursor_by_role(self):
        """The suite's fields of orders, order lines and the departments'
        copies of orders, and the record rules behind them (department
        visibility of ``_department_visible_queries``, own orders, company),
        read as each role in a read-only cursor."""
        self._transfer(["quality", "warehouse"])
        failures = []
        for role in ("sales", "member", "quality", "clerk", "manager", "gm"):
            user = self.users[role]
            for model_name in ("sale.order", "sale.order.line", "sale.order.copy"):
                Model = self.env[model_name].with_user(user)
                if not Model.has_access("read"):
                    continue
                with self._readonly_env(user) as env:
                    failures += [
                        f"{role}: {failure}"
                        for failure in self._read_paths(
                            env, model_name, self._suite_fields(Model)
                        )
                    ]
        # the department member sees the order's copy through the open slip
        # (``_department_visible_queries``), in the read-only cursor too
        with self._readonly_env(self.users["member"]) as env:
            copies = env["sale.order.copy"].search([("id", "=", self.order.id)])
            self.assertEqual(copies.ids, self.order.ids)
            self.assertEqual(copies.read(["name"])[0]["name"], self.order.name)
        self.assertFalse(
            failures, "writes in read-only requests:\n" + "\n".join(failures)
        )

    def test_archive_access_log_read_in_readonly_cursor(self):
        """R7.7: a read through an access grant is logged, and the read itself
        still succeeds in a read-only request: the log row is written on the
        primary after the read (not in the read-only transaction, which would
        fail and be retried on the primary)."""
        if "sale.order.access.log" not in self.env:
            self.skipTest("sale_order_archive is not installed")
        reader = self.users["sales"]
        order = self.order
        # an active grant of that order to the reader, written as the
        # approval would (the approval flow is tested in sale_order_archive)
        self.env.cr.execute(
            SQL(
                "INSERT INTO sale_order_access_request (name, order_id, order_name, "
                "user_id, company_id, reason, duration_days, state, date_start, "
                "date_end, create_uid, write_uid, create_date, write_date) "
                "VALUES ('AAR/RO', %(order)s, %(name)s, %(user)s, %(company)s, "
                "'audit', 1, 'granted', %(start)s, %(end)s, 1, 1, "
                "%(start)s, %(start)s) "
                "RETURNING id",
                order=order.id,
                name=order.name,
                user=reader.id,
                company=order.company_id.id,
                start=fields.Datetime.now(),
                end=fields.Datetime.now() + timedelta(days=1),
            )
        )
        request_id = self.env.cr.fetchone()[0]
        Log = self.env["sale.order.access.log"].sudo()
        with self._readonly_env(reader) as env:
            try:
                rows = env["sale.order"].browse(order.id).read(["name"])
                env["sale.order"].browse(order.id).web_read({"name": {}})
                # what the read-only route does at its end: commit, then run
                # the post-commit hooks (a test cursor drops them: run here,
                # once its read-only savepoint is closed)
                hooks = list(env.cr.postcommit._funcs)
                env.cr.commit()
                for hook in hooks:
                    hook()
            except (ReadOnlySqlTransaction, AccessError) as exc:
                self.fail(
                    f"the read of a granted order writes in a read-only request: {exc}"
                )
        self.assertEqual(rows[0]["name"], order.name)
        self.assertTrue(
            Log.search_count([("request_id", "=", request_id), ("event", "=", "read")]),
            "the read through the grant must still be logged (R7.7)",
        )
