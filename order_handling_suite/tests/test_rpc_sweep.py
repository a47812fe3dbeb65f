# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile input over JSON-RPC, against the running server, as real role users.

Every model of the suite (a model that an addon of the suite defines, or a
model it extends with fields or actions; found by introspection, so a new
model is covered without touching this file) gets wrong types, missing
required values, out-of-range numbers, ids of another company, 1 MB strings
and HTML/script payloads, and every public action method (``action_*`` /
``button_*`` defined by a suite addon) is called out of order, on another
company's record, on a record that does not exist and with bad arguments.

Every answer must be a success or a *clean* error: the JSON-RPC error's
``data.name`` is one of ``CLEAN_ERRORS`` (what Odoo shows the user as a
message). Anything else (``builtins.ValueError``/``TypeError``/``KeyError``,
``psycopg2.*``…) is an internal error and fails the test with the request
and the last line of the server's traceback, and so is an answer that is a
recordset (XML-RPC cannot marshal it). After a refused call the row
counts of the suite's tables are unchanged and a refused write left the
record as it was; HTML fields come back sanitized.
"""

import inspect
import json
import logging
import os
import re
import time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    is_suite_module,
)
from odoo.addons.sale_order_intake.models.sale_order import (
    PROTECTED_FIELDS as INTAKE_PROTECTED_FIELDS,
)

_logger = logging.getLogger(__name__)

#: the errors a user may get: Odoo shows them as a message in a dialog
CLEAN_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.RedirectWarning",
}
MAGIC = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name"}
BIG = "x" * (1024 * 1024)
SCRIPT = '<p>ok</p><script>alert("x")</script><img src="x" onerror="alert(1)"/>'
MISSING_ID = 2**31 - 1
ROLE_GROUPS = (
    "group_user",
    "group_salesperson",
    "group_logistics_clerk",
    "group_quality",
    "group_warehouse_lead",
    "group_workshop_supervisor",
    "group_process_engineer",
    "group_purchasing",
    "group_general_office",
    "group_marketing_planning",
    "group_customer_service",
    "group_sales_head",
    "group_engineering_supervisor",
    "group_manager",
    "group_general_manager",
)
#: bad values per field type: a wrong type, then an out-of-range value
BAD_VALUES = {
    "integer": ["twelve", 2**31],
    "float": ["twelve", 1e300],
    "monetary": ["twelve", -1e300],
    "many2one": ["abc", 2**31, [1]],
    "many2many": ["abc", [[6, 0, ["a"]]]],
    "one2many": ["abc", [[1, "a", {}]]],
    "selection": ["__no_such_value__", 12],
    "date": ["not a date", "2026-13-45"],
    "datetime": ["not a date", "2026-02-30 25:61:00"],
    "char": [{"a": 1}],
    "text": [[1, 2]],
    "html": [{"a": 1}],
    "boolean": [{"a": 1}],
    "binary": [{"a": 1}],
}
#: actions that only open a view of related records
NAVIGATION = ("action_view_", "action_open_")
#: what JSON-RPC makes of a recordset that a method returns (its ``repr``)
RECORDSET = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\((\d+, )*(\d+,?)?\)")
#: bad values for the extra parameters of an action method
BAD_ARGUMENTS = ({"bad": "value"}, "x" * 1000, 2**40)


class RpcError(Exception):
    def __init__(self, error):
        self.name = error.get("data", {}).get("name") or error.get("message")
        self.message = error.get("data", {}).get("message") or ""
        debug = error.get("data", {}).get("debug") or ""
        lines = [line for line in debug.strip().splitlines() if line.strip()]
        self.where = " | ".join(lines[-3:])
        super().__init__(f"{self.name}: {self.message}")


def checks_values(model):
    """Does the suite check the values of ``model``'s fields: one of its own
    models (``order.handling.document.mixin``), or an Odoo model whose
    ``create``/``write`` the suite overrides (they call ``check_values``
    first)? On the other Odoo models that the suite only adds fields to
    (partners, products, pickings...), a value of the wrong type is refused
    by Odoo's ORM as for Odoo's own fields there: nothing of the suite runs
    for it (no override of ``base``)."""
    return any(
        is_suite_module(getattr(klass, "_module", None))
        and ({"create", "write"} & set(vars(klass)))
        for klass in type(model).__mro__
    )


def suite_models(env):
    """``{model: (defined by the suite?, suite fields, suite actions)}``
    of every concrete model the suite defines or extends."""
    result = {}
    for name in sorted(env.registry):
        model = env[name]
        if model._abstract:
            continue
        actions = {}
        for klass in type(model).__mro__:
            if not is_suite_module(getattr(klass, "_module", None)):
                continue
            for attr, function in vars(klass).items():
                if attr.startswith(("action_", "button_")) and callable(function):
                    actions.setdefault(attr, function)
        suite_fields = {
            fname: field
            for fname, field in model._fields.items()
            if is_suite_module(field._module)
            and field.store
            and fname not in MAGIC
            and not (field.compute and field.readonly)
        }
        own = is_suite_module(model._original_module)
        if own or actions or suite_fields:
            result[name] = (own, suite_fields, actions)
    return result


@tagged("post_install", "-at_install")
class TestRpcSweep(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
                no_reset_password=True,
            )
        )
        cls.company = env.company
        cls.other_company = env["res.company"].create({"name": "Sweep Other Company"})
        cls.partner = env["res.partner"].create({"name": "Sweep Customer"})
        cls.users = {}
        for group in ROLE_GROUPS:
            login = f"sweep_{group[6:]}"
            cls.users[group] = new_test_user(
                env,
                login=login,
                groups=f"base.group_user,order_handling_base.{group}",
                company_id=cls.company.id,
                company_ids=[cls.company.id],
            )
        cls.models = suite_models(env)
        cls.tables = sorted(
            {
                env[name]._table
                for name, (own, _f, _a) in cls.models.items()
                if own and env[name]._auto and not env[name]._transient
            }
        )
        # a record per model in each company, built from generic values
        cls.records, cls.other_records, cls.unbuilt = {}, {}, {}
        for name in cls.models:
            if not env[name]._auto:
                continue
            for company, store in (
                (cls.company, cls.records),
                (cls.other_company, cls.other_records),
            ):
                if company != cls.company and "company_id" not in env[name]._fields:
                    continue
                try:
                    with env.cr.savepoint(), mute_logger("odoo.sql_db"):
                        store[name] = cls._build(name, company, depth=0)
                        env.flush_all()
                except Exception as exc:  # noqa: BLE001 - reported below, not hidden
                    env.invalidate_all()
                    store.pop(name, None)
                    # a record the addons' data made (stages, types...)
                    existing = cls._existing(name, company)
                    if existing:
                        store[name] = existing
                    else:
                        cls.unbuilt[f"{name}@{company.name}"] = (
                            f"{type(exc).__name__}: {exc}"[:120]
                        )

    # --- fixtures ---------------------------------------------------------
    @classmethod
    def _hints(cls, name, company):
        """Values that generic ones cannot guess (a valid combination)."""
        if name == "order.handling.transfer":
            order = cls._build("sale.order", company, depth=1)
            return {"res_model": "sale.order", "res_id": order.id}
        if name == "order.handling.sla.policy":
            return {
                "res_model": "order.handling.transfer",
                "stage": "sent",
                "target_hours": 8,
            }
        if name == "sale.intel.report":
            return {"content": "<p>Sweep</p>"}
        if name == "sale.target":
            return {"user_id": cls.users["group_salesperson"].id}
        if name == "sale.intel.reward":
            # only a report evaluated as valuable earns a reward
            report = cls._build("sale.intel.report", company, depth=1)
            report._workflow_write(
                {"state": "evaluated", "grade": "a", "is_valuable": True}
            )
            return {"report_id": report.id, "reward_type": "info_fee", "amount": 100.0}
        if name == "sale.engineering.plan.followup":
            # the rollout of an issued plan
            plan = cls._build("sale.engineering.plan", company, depth=1)
            plan.write({"state": "issued"})
            return {"plan_id": plan.id}
        if name == "sale.order.line":
            product = cls.env["product.product"].create({"name": "Sweep Product"})
            return {"product_id": product.id}
        return {}

    @classmethod
    def _existing(cls, name, company):
        model = cls.env[name]
        domain = []
        if "company_id" in model._fields and model._fields["company_id"].store:
            domain = [
                (
                    "company_id",
                    "in",
                    [company.id] if company != cls.company else [company.id, False],
                )
            ]
        elif company != cls.company:
            return model
        return model.search(domain, limit=1, order="id")

    @classmethod
    def _build(cls, name, company, depth):
        """A record of ``name`` in ``company`` from generic valid values
        (required fields without default filled), as the superuser."""
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=[company.id]))
        model = env[name].with_company(company)
        defaults = model.default_get(list(model._fields))
        vals = {
            key: value
            for key, value in cls._hints(name, company).items()
            if key in model._fields
        }
        if "company_id" in model._fields and model._fields["company_id"].store:
            vals["company_id"] = company.id
        for fname, field in model._fields.items():
            if fname in defaults or fname in vals or fname in MAGIC:
                continue
            if not (
                field.required
                or (fname == "name" and field.type == "char" and field.store)
            ):
                continue
            if field.compute and field.readonly:
                continue
            vals[fname] = cls._value(env, field, company, depth)
        return model.create(vals)

    @classmethod
    def _value(cls, env, field, company, depth):
        if field.type == "many2one":
            comodel = env[field.comodel_name]
            if field.comodel_name == "res.company":
                return company.id
            if field.comodel_name == "res.partner":
                return cls.partner.id
            domain = []
            if "company_id" in comodel._fields and comodel._fields["company_id"].store:
                domain = [("company_id", "in", [company.id, False])]
            record = comodel.search(domain, limit=1, order="id")
            if not record and depth < 2 and comodel._auto and not comodel._abstract:
                record = cls._build(field.comodel_name, company, depth + 1)
            return record.id
        if field.type == "selection":
            return field.get_values(env)[0]
        return {
            "char": "Sweep",
            "text": "Sweep",
            "html": "<p>Sweep</p>",
            "integer": 1,
            "float": 1.0,
            "monetary": 1.0,
            "boolean": True,
            "date": fields.Date.today(),
            "datetime": fields.Datetime.now(),
            "many2many": [],
            "one2many": [],
        }.get(field.type, False)

    def _actor(self, model, operation):
        """The first role (least privileged first) allowed ``operation`` on
        ``model`` by its ACLs, else the manager."""
        for group in ROLE_GROUPS:
            user = self.users[group]
            if self.env[model].with_user(user).has_access(operation):
                return user
        return self.users["group_manager"]

    # --- requests ---------------------------------------------------------
    def _login(self, user):
        if getattr(self, "_logged", None) != user:
            self.authenticate(user.login, user.login)
            self._logged = user

    def _call(self, user, model, method, args, kwargs=None):
        """call_kw over HTTP as ``user``: the result, or raise RpcError."""
        self._login(user)
        kwargs = dict(kwargs or {})
        kwargs["context"] = {
            "lang": "en_US",
            "tz": "UTC",
            "allowed_company_ids": [self.company.id],
        }
        payload = {
            "id": 1,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
            },
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        response.raise_for_status()
        body = response.json()
        self.requests += 1
        if "error" in body:
            raise RpcError(body["error"])
        return body["result"]

    def _counts(self):
        if not self.tables:
            return ()
        self.env.cr.execute(
            " UNION ALL ".join(
                f'SELECT count(*) FROM "{table}"' for table in self.tables
            )  # noqa: S608
        )
        return tuple(row[0] for row in self.env.cr.fetchall())

    def _probe(self, case, user, model, method, args, kwargs=None, must_fail=False):
        """One request. Returns (ok, result); records a failure when the
        answer is an internal error, or when a refused call changed counts,
        or when ``must_fail`` and it succeeded."""
        started = time.time()
        try:
            return self._probe_once(case, user, model, method, args, kwargs, must_fail)
        finally:
            kind = case.split(" ")[0]
            self.timing[kind] = self.timing.get(kind, 0.0) + time.time() - started

    def _probe_once(self, case, user, model, method, args, kwargs, must_fail):
        before = self._counts()
        try:
            result = self._call(user, model, method, args, kwargs)
        except RpcError as error:
            self.refused += 1
            if error.name not in CLEAN_ERRORS and model not in self.odoo_checked:
                self.failures.append(
                    f"{case}: {model}.{method} as {user.login} -> {error.name}: "
                    f"{error.message[:150]} [{error.where[-300:]}]"
                )
            after = self._counts()
            if after != before:
                changed = [
                    f"{table} {old}->{new}"
                    for table, old, new in zip(self.tables, before, after, strict=True)
                    if old != new
                ]
                self.failures.append(
                    f"{case}: {model}.{method} refused ({error.name}) "
                    f"but rows changed: {changed}"
                )
            return False, error
        if must_fail:
            self.failures.append(
                f"{case}: {model}.{method} as {user.login} was accepted"
            )
        if isinstance(result, str) and RECORDSET.fullmatch(result):
            # JSON-RPC sends str() of a recordset; XML-RPC cannot send it
            # at all: the client gets a fault for a change that was made
            self.failures.append(
                f"{case}: {model}.{method} answered a recordset ({result[:60]})"
            )
        return True, result

    def _start(self):
        self.failures, self.requests, self.refused, self.timing = [], 0, 0, {}
        #: models whose values Odoo's ORM checks (see ``checks_values``):
        #: any refusal is Odoo's answer; nothing may be written all the same
        self.odoo_checked = set()
        self.started = time.time()

    def _finish(self, what):
        _logger.info(
            "RPC sweep (%s): %d requests, %d refused, %d models, %.1f s; "
            "slowest cases: %s; no record built for: %s",
            what,
            self.requests,
            self.refused,
            len(self.models),
            time.time() - self.started,
            ", ".join(
                f"{kind} {seconds:.1f} s"
                for kind, seconds in sorted(self.timing.items(), key=lambda i: -i[1])[
                    :5
                ]
            ),
            ", ".join(sorted(self.unbuilt)),
        )
        self.assertFalse(
            self.failures,
            f"{len(self.failures)} bad answer(s) to hostile RPC input:\n"
            + "\n".join(self.failures),
        )

    # --- the sweeps -------------------------------------------------------
    def test_00_coverage(self):
        """The sweep sees the suite: its models and their actions."""
        self.assertIn("order.handling.transfer", self.models)
        self.assertIn("action_acknowledge", self.models["order.handling.transfer"][2])
        self.assertIn("action_intake_submit", self.models["sale.order"][2])
        self.assertGreater(len(self.records), len(self.models) // 2, self.unbuilt)
        # every role of the suite acts in the sweep (least privileged first)
        roles = self.env["ir.model.data"].search(
            [("module", "=", "order_handling_base"), ("model", "=", "res.groups")]
        )
        self.assertEqual(
            set(roles.mapped("name")) - set(ROLE_GROUPS),
            set(),
            "a new role group of order_handling_base: add it to ROLE_GROUPS",
        )

    @mute_logger("odoo.http", "odoo.sql_db", "odoo.addons.base.models.ir_rule")
    def test_10_field_values(self):
        """create/write with bad values on every suite field of every model."""
        self._start()
        self.odoo_checked = {
            name for name in self.models if not checks_values(self.env[name])
        }
        self.assertIn("res.partner", self.odoo_checked)
        self.assertNotIn("sale.order", self.odoo_checked)
        self.assertNotIn("sale.order.line", self.odoo_checked)
        self.assertNotIn("order.handling.transfer", self.odoo_checked)
        for name, (own, suite_fields, _actions) in self.models.items():
            model = self.env[name]
            if not model._auto:
                # SQL-view reports: read only, writing is refused
                user = self._actor(name, "read")
                self._probe(
                    "report read", user, name, "search_read", [[]], {"limit": 1}
                )
                self._probe("report write", user, name, "create", [{}], must_fail=True)
                continue
            creator = self._actor(name, "create")
            writer = self._actor(name, "write")
            record = self.records.get(name)
            if own:
                # missing required values
                self._probe("create {}", creator, name, "create", [{}])
                # a role without create access is refused
                refused = [
                    self.users[g]
                    for g in ROLE_GROUPS
                    if not model.with_user(self.users[g]).has_access("create")
                ]
                if refused:
                    self._probe(
                        "no access", refused[0], name, "create", [{}], must_fail=True
                    )
            # a record that does not exist
            self._probe("missing id", writer, name, "write", [[MISSING_ID], {}])
            if record:
                self._probe(
                    "missing read", writer, name, "read", [[MISSING_ID], ["id"]]
                )
            big_done, script_done = set(), False
            for fname, field in suite_fields.items():
                cases = [
                    (f"{field.type}", value) for value in BAD_VALUES.get(field.type, [])
                ]
                if (
                    field.type in ("char", "text", "html")
                    and field.type not in big_done
                ):
                    big_done.add(field.type)
                    cases.append(("1 MB", BIG))
                if field.type in ("text", "html") and not (
                    script_done and field.type == "text"
                ):
                    script_done = True
                    cases.append(("script", SCRIPT))
                for label, value in cases:
                    case = f"{label} in {fname}"
                    if record:
                        before = record.read([fname])[0][fname]
                        ok, _result = self._probe(
                            case, writer, name, "write", [record.ids, {fname: value}]
                        )
                        record.invalidate_recordset()
                        after = record.read([fname])[0][fname]
                        if not ok and after != before:
                            self.failures.append(f"{case}: {name} refused but written")
                        if ok and field.type == "html" and after:
                            lowered = after.lower()
                            if "<script" in lowered or "onerror" in lowered:
                                self.failures.append(
                                    f"{case}: {name} stored {after[:100]!r}"
                                )
                    else:
                        self._probe(case, creator, name, "create", [{fname: value}])
            # another company's records and ids
            other = self.other_records.get(name)
            if record:
                for fname, field in suite_fields.items():
                    foreign = field.type == "many2one" and self.other_records.get(
                        field.comodel_name
                    )
                    if not foreign or field.comodel_name == name:
                        continue
                    self._probe(
                        f"other company's id in {fname}",
                        writer,
                        name,
                        "write",
                        [record.ids, {fname: foreign.id}],
                        must_fail=field.check_company,
                    )
            if own and record and other and not model._transient:
                self._probe(
                    "other company record",
                    writer,
                    name,
                    "write",
                    [other.ids, {"company_id": self.company.id}],
                    must_fail=True,
                )
                self._probe(
                    "move to other company",
                    writer,
                    name,
                    "write",
                    [record.ids, {"company_id": self.other_company.id}],
                    must_fail=True,
                )
        self._finish("field values")

    @mute_logger("odoo.http", "odoo.sql_db", "odoo.addons.base.models.ir_rule")
    def test_20_actions(self):
        """Every action method: out of order, another company's record, a
        missing record, bad arguments; an action that moved its record on
        (its state changed) is refused when called again (out of order)."""
        self._start()
        for name, (_own, _fields, actions) in self.models.items():
            if not actions:
                continue
            user = self._actor(name, "write")
            record = self.records.get(name)
            other = self.other_records.get(name)
            for method, function in actions.items():
                params = list(inspect.signature(function).parameters.values())[1:]
                required = [
                    p
                    for p in params
                    if p.default is inspect.Parameter.empty
                    and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                ]
                good = [False] * len(required)
                self._probe(
                    f"{method} missing", user, name, method, [[MISSING_ID], *good]
                )
                if other:
                    # opening a list of related records reveals nothing (the
                    # list applies the record rules): only a change must fail
                    navigation = (
                        method.startswith(NAVIGATION) or self.env[name]._transient
                    )
                    self._probe(
                        f"{method} other company",
                        user,
                        name,
                        method,
                        [other.ids, *good],
                        must_fail=not navigation,
                    )
                if not record:
                    continue
                if required:
                    self._probe(
                        f"{method} without arguments", user, name, method, [record.ids]
                    )
                    for bad in BAD_ARGUMENTS:
                        self._probe(
                            f"{method}({bad!r:.20})",
                            user,
                            name,
                            method,
                            [record.ids, *([bad] * len(required))],
                        )
                else:
                    state = self._state_of(record)
                    accepted, __ = self._probe(
                        f"{method} out of order", user, name, method, [record.ids]
                    )
                    if accepted and state and self._state_of(record) != state:
                        # the step moved the record on: the same call again
                        # is out of order and must be refused, not ignored
                        self._probe(
                            f"{method} replayed after {state[1]!r} -> "
                            f"{self._state_of(record)[1]!r}",
                            user,
                            name,
                            method,
                            [record.ids],
                            must_fail=True,
                        )
        self._finish("actions")

    def _state_of(self, record):
        """(field, value) of the record's workflow state, read anew; None
        for a model without one."""
        name = getattr(record, "_stage_field", None)
        if not name or name not in record._fields:
            name = "state" if "state" in record._fields else None
        if not name or record._fields[name].type != "selection":
            return None
        record.invalidate_recordset([name])
        return name, record.sudo()[name]

    def test_30_context_keys_open_no_guard(self):
        """Every context key the suite's own source reads or sets, and Odoo's
        UI keys, sent with a write of every guarded field of every document
        (the workflow guard's state and protected fields, the intake's
        workflow fields of the order) by every role: refused, nothing
        changed. A key that opened a guard once (``sale_intel_workflow``,
        ``complaint_stage_checked``, ``governance_change_request_apply``…)
        is found by reading the source, so a new one is tried too."""
        keys = suite_context_keys() | ODOO_UI_KEYS
        self.assertIn("governance_deferred_procurement", keys)
        everything = dict.fromkeys(keys, True)
        probes = []
        for name, record in self.records.items():
            model = self.env[name]
            fnames = set()
            if hasattr(model, "_workflow_guarded_fields"):
                fnames = model._workflow_guarded_fields()
            elif name == "sale.order" and "intake_stage" in model._fields:
                fnames = INTAKE_PROTECTED_FIELDS
            for fname in sorted(fnames):
                field = model._fields[fname]
                if field.type == "selection":
                    current = record[fname]
                    value = next(
                        (v for v in field.get_values(self.env) if v != current), None
                    )
                elif field.type == "many2one":
                    value = (
                        self.users["group_manager"].id
                        if field.comodel_name == "res.users"
                        else False
                    )
                elif field.type in ("date", "datetime"):
                    value = "2020-01-01"
                else:
                    continue
                if value is not None:
                    probes.append((record, fname, value))
        self.assertGreaterEqual(
            len({record._name for record, _f, _v in probes}),
            5,
            "fewer guarded documents than the suite has: is the guard gone?",
        )
        opened = []
        for record, fname, value in probes:
            before = record.sudo()[fname]
            attempts = [(user, everything) for user in self.users.values()]
            attempts += [
                (self.users["group_manager"], {key: True}) for key in sorted(keys)
            ]
            for user, context in attempts:
                if self._write_went_through(
                    record, user, context, fname, value, before
                ):
                    opened.append(
                        f"{record._name}.{fname} by {user.login} "
                        f"with {sorted(context)[:3]}…"
                    )
            self.assertEqual(record.sudo()[fname], before)
        # a new document cannot be born past its first step either (an empty
        # value is where every document starts: nothing to forge)
        for record, fname, value in probes:
            if not value:
                continue
            user = self._actor(record._name, "create")
            if not record.with_user(user).has_access("create"):
                continue
            vals = dict(record.copy_data()[0], **{fname: value})
            if self._create_went_through(record, user, everything, vals, fname):
                opened.append(f"create {record._name} with {fname} by {user.login}")
        self.assertFalse(opened, "a context key opened a guard:\n" + "\n".join(opened))

    def _write_went_through(self, record, user, context, fname, value, before):
        """Write ``fname`` as ``user`` with ``context``: did the value
        change? (The write is rolled back either way.)"""
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                record.with_user(user).with_context(**context).write({fname: value})
                record.env.flush_all()
                raise _Rollback(record.sudo()[fname] != before)
        except _Rollback as went:
            return went.args[0]
        except UserError:
            return False
        finally:
            record.invalidate_recordset()

    def _create_went_through(self, record, user, context, vals, fname):
        """Create ``vals`` as ``user``: did ``fname`` take the forged value?"""
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                new = record.with_user(user).with_context(**context).create(vals)
                new.env.flush_all()
                got = new.sudo()[fname]
                got = got.id if hasattr(got, "_name") else got
                raise _Rollback(str(got)[:10] == str(vals[fname])[:10])
        except _Rollback as went:
            return went.args[0]
        except (UserError, ValidationError):
            return False


class _Rollback(Exception):
    """Undo a write that went through (it is reported, then rolled back)."""


#: the context keys Odoo's own UI and mail layer send
ODOO_UI_KEYS = {
    "tracking_disable",
    "mail_notrack",
    "mail_create_nolog",
    "mail_create_nosubscribe",
    "mail_auto_subscribe_no_notify",
    "mail_activity_automation_skip",
    "skip_validation_check",
    "install_mode",
    "import_file",
    "no_reset_password",
}
#: keys that select data rather than open anything (sent as ``True`` they
#: would only break the call itself)
NOT_GUARD_KEYS = {
    "lang",
    "tz",
    "uid",
    "active_test",
    "active_id",
    "active_ids",
    "active_model",
    "allowed_company_ids",
    "force_company",
}


def suite_context_keys():
    """Every context key named in the suite's own Python (not its tests):
    ``context.get("…")``, ``with_context(key=…)`` and ``*_KEY = "…"``."""
    patterns = (
        re.compile(r"context\.get\(\s*[\"']([\w.]+)[\"']"),
        re.compile(r"with_context\(([^()]*)\)"),
        re.compile(r"_KEY\s*=\s*[\"']([\w.]+)[\"']"),
        re.compile(r"[\"']([\w.]+)[\"']\s+in\s+(?:self\.)?(?:env\.)?_?context"),
    )
    keyword = re.compile(r"(\w+)\s*=")
    keys = set()
    for addon in suite_addons_on_disk():
        root = get_module_path(addon)
        for folder, _dirs, files in os.walk(root):
            if os.sep + "tests" in folder[len(root) :]:
                continue
            for filename in files:
                if not filename.endswith(".py"):
                    continue
                with open(os.path.join(folder, filename), encoding="utf-8") as handle:
                    text = handle.read()
                for pattern in patterns:
                    for match in pattern.findall(text):
                        if pattern.pattern.startswith("with_context"):
                            keys.update(keyword.findall(match))
                        else:
                            keys.add(match)
    return {
        key
        for key in keys
        if key not in NOT_GUARD_KEYS and not key.startswith("default_")
    }


def suite_addons_on_disk():
    return ["order_handling_suite"] + [
        name
        for name in get_manifest("order_handling_suite")["depends"]
        if is_suite_module(name)
    ]
