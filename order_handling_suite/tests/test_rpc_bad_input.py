# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input over RPC gets a message, never a Python traceback.

Over JSON-RPC/XML-RPC a client sends anything, and gets back what a public
method returns. Checked here for the whole suite, found by introspection
where the answer can be checked generically:

* every field of the suite with a search method of its own answers the
  conditions of Odoo's domain language (``=``, ``!=``, ``in``, ``not in``
  with True/False for a boolean, the keys for a selection) with exactly the
  records whose computed value matches, and anything else (another operator,
  a number, a dict, a nested list...) with a UserError naming the field and
  the operator, as an ordinary user;
* ``create``/``write`` called with something that is not a dictionary of
  values, and values of the wrong type that the suite's overrides read
  before the ORM converts them, are refused with a ValidationError by every
  model whose ``create``/``write`` the suite overrides;
* the public methods that make records answer something XML-RPC can
  marshal: called through Odoo's ``call_kw`` (what JSON-RPC and XML-RPC
  call) and the XML-RPC server's own marshaller. A recordset cannot be
  marshalled: the client would get a fault for a change that was made.

The hostile-input sweep over HTTP (``test_rpc_sweep``) also flags an action
that answers a recordset.
"""

import functools
import os
import traceback
from datetime import timedelta

from odoo import Command, fields
from odoo.api import call_kw
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import BaseModel
from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.base.controllers.rpc import dumps
from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    is_suite_module,
)
from odoo.addons.sale_order_archive.tests.test_archive import ArchiveCommon

#: the roles whose view of the records the searches are checked in (the
#: requester of an access grant among them)
READERS = ("sales", "sales2", "clerk", "warehouse", "service", "engineering", "manager")
#: conditions no search method of the suite takes (each with the operator
#: that reaches the method: Odoo turns ``=`` with a list into ``in``)
BAD_CONDITIONS = [
    ("like", "x", "like"),
    ("ilike", True, "ilike"),
    ("=", [1, 2], "in"),
    ("=", {"a": 1}, "="),
    ("!=", {"a": 1}, "!="),
    ("=", 1, "="),
    ("!=", 2.5, "!="),
    ("=", "__no_such_value__", "="),
    ("in", [[True]], "in"),
    ("in", [["on_time"]], "in"),
    ("not in", [{"a": 1}], "not in"),
    ("in", "x", "in"),
    ("<", 1, "<"),
    (">=", "on_time", ">="),
    ("=?", True, "=?"),
    ("child_of", 1, "child_of"),
]


@functools.cache
def suite_file(filename):
    """Is ``filename`` the source of an addon of the suite?"""
    path = os.path.realpath(filename)
    for addon in get_manifest("order_handling_suite")["depends"] + [
        "order_handling_suite"
    ]:
        addon_path = get_module_path(addon, display_warning=False)
        if addon_path and path.startswith(os.path.realpath(addon_path) + os.sep):
            return is_suite_module(addon)
    return False


def custom_search_fields(env):
    """``[(model, field)]``: the fields of concrete models whose search
    method is one of the suite's (related fields and display names excluded:
    Odoo searches those)."""
    result = []
    for name in sorted(env.registry):
        model = env[name]
        if model._abstract or not model._auto:
            continue
        for field in model._fields.values():
            if not isinstance(field.search, str) or field.related:
                continue
            owner = next(
                (k for k in type(model).__mro__ if field.search in vars(k)), None
            )
            if owner is not None and is_suite_module(getattr(owner, "_module", None)):
                result.append((name, field))
    return result


def suite_crud_models(env):
    """Concrete models whose ``create`` or ``write`` a suite class
    overrides (the overrides read ``vals`` before the ORM)."""
    result = []
    for name in sorted(env.registry):
        model = env[name]
        if model._abstract or not model._auto:
            continue
        for klass in type(model).__mro__:
            module = getattr(klass, "_module", None)
            if is_suite_module(module) and ({"create", "write"} & set(vars(klass))):
                result.append(name)
                break
    return result


@tagged("post_install", "-at_install")
class TestRpcBadInput(ArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the lock of confirmed orders (sale_order_governance) is checked too
        cls.company.sale_order_change_control = True
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        # documents of every kind that a custom search looks at: slips,
        # confirmed, done and archived orders, a complaint
        cls.done = cls._done_order()
        cls.archived = cls._done_order()
        cls.archived.with_user(cls.users["clerk"])._governance_archive()
        cls.quotation = cls._create_order(cls.users["sales"])
        cls.env["product.template"].create({"name": "Valve body VB-1"})
        # a grant to read the archived order
        request = (
            cls.env["sale.order.access.request"]
            .with_user(cls.users["sales2"])
            .create({"order_name": cls.archived.name, "reason": "Customer audit"})
        )
        request.action_submit()
        request.with_user(cls.users["saleshead"]).validate_tier()
        # slips of every SLA status: on time, overdue, at risk, none
        cls.done.with_user(cls.users["clerk"])._transfer_to_departments(
            cls.departments["quality"]
        )
        slips = cls.env["order.handling.transfer"].sudo().search([], order="id")
        now = fields.Datetime.now()
        slips[0].write({"sla_deadline": now - timedelta(hours=2)})
        slips[1].write(
            {
                "sla_deadline": now + timedelta(hours=2),
                "sla_at_risk_date": now - timedelta(hours=1),
            }
        )
        slips[2].write({"sla_deadline": False, "sla_at_risk_date": False})

    def _reader(self, model_name):
        """The first role (the suite's order) that may read the model."""
        for user in self.users.values():
            if self.env[model_name].with_user(user).has_access("read"):
                return user
        return self.users["manager"]

    def _assert_refused(self, exceptions, func, *args):
        """``func(*args)`` raises one of ``exceptions``, or else an error
        that no code of the suite raised: what Odoo's own overrides do with
        such input (``mail.thread`` reads ``vals`` before any check could)
        is Odoo's. An error raised in the suite's code fails the test."""
        try:
            with self.env.cr.savepoint():
                func(*args)
        except exceptions:
            return
        except Exception as error:  # noqa: BLE001 - reported, or Odoo's own
            frame = traceback.extract_tb(error.__traceback__)[-1]
            if suite_file(frame.filename):
                where = "/".join(frame.filename.split(os.sep)[-3:])
                self.fail(f"{type(error).__name__}: {error} ({where}:{frame.lineno})")
            return
        self.fail("accepted")

    # ------------------------------------------------------------------
    # Custom search methods
    # ------------------------------------------------------------------

    def test_search_fields_found(self):
        """The introspection sees the custom searches the suite has."""
        found = {(model, field.name) for model, field in custom_search_fields(self.env)}
        for expected in [
            ("order.handling.transfer", "sla_status"),
            ("sale.order", "sla_status"),
            ("product.template", "tech_docs_complete"),
            ("sale.order", "governance_granted_to_me"),
            ("sale.order", "governance_new_customer"),
        ]:
            self.assertIn(expected, found)

    @mute_logger("odoo.osv.expression", "odoo.models")
    def test_search_bad_conditions_refused(self):
        """Anything outside the domain language of the field's type is a
        UserError that names the field and the operator."""
        for model_name, field in custom_search_fields(self.env):
            Model = self.env[model_name].with_user(self._reader(model_name))
            label = field._description_string(Model.env)
            conditions = list(BAD_CONDITIONS)
            if field.type == "boolean":
                conditions += [("=", "on_time", "="), ("in", [True, 1], "in")]
            else:
                conditions += [("=", True, "="), ("in", ["on_time", 0], "in")]
            for operator, value, reaching in conditions:
                domain = [(field.name, operator, value)]
                with self.subTest(model=model_name, domain=domain):
                    with self.assertRaises(UserError) as catcher:
                        Model.search(domain)
                    message = str(catcher.exception)
                    self.assertIn(label, message)
                    self.assertIn(f"“{reaching}”", message)
                    # and in a count, a read_group's domain...: same path
                    with self.assertRaises(UserError):
                        Model.search_count(domain)

    def test_search_refusal_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        clerk = self.users["clerk"]
        clerk.lang = "zh_CN"
        Slip = self.env["order.handling.transfer"].with_user(clerk)
        with self.assertRaisesRegex(UserError, "不能用运算符“like”"):
            Slip.with_context(lang="zh_CN").search([("sla_status", "like", "x")])
        with self.assertRaisesRegex(ValidationError, "字典"):
            Slip.with_context(lang="zh_CN").browse().write(5)

    def test_search_domain_language_answers_exactly(self):
        """``=``, ``!=``, ``in``, ``not in`` with every value of the field
        (None standing for False) select exactly the records whose computed
        value matches, for each role that sees records of the model."""
        checked = set()
        for model_name, field in custom_search_fields(self.env):
            for role in READERS:
                Model = self.env[model_name].with_user(self.users[role])
                if not Model.has_access("read"):
                    continue
                records = Model.search([], limit=200, order="id")
                if not records:
                    continue
                with self.subTest(model=model_name, field=field.name, role=role):
                    self._check_search(Model, field, records)
                checked.add(field.search)
        self.assertEqual(
            checked,
            {field.search for _model, field in custom_search_fields(self.env)},
            "a search method was checked on no record",
        )

    def _check_search(self, Model, field, records):
        scope = [("id", "in", records.ids)]

        def search(operator, value):
            return Model.search(scope + [(field.name, operator, value)])

        if field.type == "boolean":
            keys = [True, False]
        else:
            keys = list(field.get_values(self.env))
        for key in keys:
            matching = records.filtered(lambda r, k=key: r[field.name] == k)
            self.assertEqual(search("=", key), matching, key)
            self.assertEqual(search("!=", key), records - matching, key)
            self.assertEqual(search("in", [key]), matching, key)
            self.assertEqual(search("not in", [key]), records - matching, key)
        self.assertEqual(search("in", keys), records)
        self.assertEqual(search("not in", keys), Model.browse())
        self.assertEqual(search("in", []), Model.browse())
        self.assertEqual(search("not in", []), records)
        self.assertEqual(search("=", None), search("=", False))
        if field.type == "selection":
            # every record has a value
            self.assertEqual(search("=", False), Model.browse())
            self.assertEqual(search("!=", False), records)

    # ------------------------------------------------------------------
    # create / write values
    # ------------------------------------------------------------------

    def test_not_a_dictionary_refused(self):
        """``create``/``write`` with something else than dictionaries of
        values: a ValidationError from every model whose create or write the
        suite overrides, as an ordinary user and as the superuser (whose
        overrides skip the role checks)."""
        names = suite_crud_models(self.env)
        self.assertIn("sale.order", names)
        self.assertIn("order.handling.transfer", names)
        self.assertIn("sale.order.access.request", names)
        for name in names:
            # the superuser passes the role checks: the values are read; a
            # role may be refused before (an access log is never written)
            for Model, refused in (
                (self.env[name].sudo(), ValidationError),
                (
                    self.env[name].with_user(self.users["manager"]),
                    (UserError, AccessError),
                ),
            ):
                for vals_list in (5, "abc", [1], [["name", "x"]], [None]):
                    with self.subTest(model=name, create=vals_list, su=Model.env.su):
                        self._assert_refused(refused, Model.create, vals_list)
                for vals in (5, "abc", [1], ["name"], None):
                    with self.subTest(model=name, write=vals, su=Model.env.su):
                        self._assert_refused(refused, Model.browse().write, vals)

    def test_values_read_by_overrides_checked(self):
        """Values that the suite's create/write overrides read themselves."""
        Request = self.env["sale.order.access.request"].with_user(self.users["sales2"])
        for order_name in (42, 4.2, [self.archived.name], {"a": 1}, None):
            with self.subTest(order_name=order_name):
                with self.assertRaises(ValidationError):
                    Request.create({"order_name": order_name, "reason": "Audit"})
        request = Request.create({"order_name": self.archived.name, "reason": "Audit"})
        self.assertEqual(request.order_id, self.archived)
        # a list where an id is expected (JSON has no pair): refused, never
        # hashed, browsed or stored as nothing
        Line = self.env["sale.order.line"].with_user(self.users["sales"])
        for order_id in ([self.quotation.id], [self.quotation.id, "x"], "abc"):
            with self.subTest(order_id=order_id):
                with self.assertRaises(ValidationError):
                    Line.create({"order_id": order_id, "product_id": self.product.id})
        slip = self.done.transfer_slip_ids[:1]
        with self.assertRaises(ValidationError):
            slip.with_user(self.users["warehouse"]).write(
                {"department_id": [self.departments["quality"].id]}
            )
        # a locked field of a confirmed order written with a value of the
        # wrong type: refused as a change, not as a conversion error
        order = self.done.with_user(self.users["sales"])
        for vals in ({"commitment_date": "not a date"}, {"partner_id": "abc"}):
            with self.subTest(vals=vals):
                with self.assertRaises(UserError):
                    order.write(vals)
        line = order.order_line[:1]
        with self.assertRaises(UserError):
            line.write({"product_uom_qty": "many"})

    # ------------------------------------------------------------------
    # What public methods answer
    # ------------------------------------------------------------------

    def _rpc(self, user, records, method, *args):
        """``method`` called as over RPC: ``call_kw`` (what JSON-RPC and
        XML-RPC run), its answer marshalled by the XML-RPC server."""
        result = call_kw(records.with_user(user), method, [records.ids, *args], {})
        self.assertNotIsInstance(result, BaseModel, f"{records._name}.{method}")
        # raises TypeError ("cannot marshal") for what XML-RPC cannot send
        dumps((result,))
        return result

    def test_actions_answer_marshallable_values(self):
        # forward a slip (the warehouse lead, to production)
        slip = self.done.transfer_slip_ids.filtered(
            lambda s: s.department_id.code == "warehouse"
        )
        self.assertEqual(slip.state, "sent")
        self.assertIs(
            self._rpc(
                self.users["warehouse"],
                slip,
                "action_forward",
                self.departments["production"].id,
            ),
            True,
        )
        self.assertEqual(slip.state, "forwarded")
        self.assertEqual(slip.forward_slip_id.department_id.code, "production")
        # the forward wizard opens the new slip
        wizard = (
            self.env["order.handling.transfer.forward"]
            .with_user(self.users["workshop"])
            .create(
                {
                    "transfer_ids": [Command.set(slip.forward_slip_id.ids)],
                    "department_id": self.departments["quality"].id,
                }
            )
        )
        action = self._rpc(self.users["workshop"], wizard, "action_forward")
        self.assertEqual(action["res_model"], "order.handling.transfer")

        # archive a done order (the logistics clerk)
        order = self._done_order()
        self.assertIs(
            self._rpc(self.users["clerk"], order, "action_governance_archive"), True
        )
        self.assertTrue(order.governance_archive_id)

        # ask for an archived order; its approval request answers ids
        request = (
            self.env["sale.order.access.request"]
            .with_user(self.users["sales2"])
            .create({"order_name": order.name, "reason": "Customer audit"})
        )
        self.assertIs(self._rpc(self.users["sales2"], request, "action_submit"), True)
        self.assertEqual(request.state, "to_approve")
        self.assertTrue(request.review_ids)
        second = (
            self.env["sale.order.access.request"]
            .with_user(self.users["sales2"])
            .create({"order_name": order.name, "reason": "Second audit"})
        )
        second.sudo().write({"state": "to_approve"})
        reviews = self._rpc(self.users["sales2"], second, "request_validation")
        self.assertEqual(reviews, second.review_ids.ids)
        self.assertTrue(reviews)

        # send a complaint to its department (customer service)
        complaint = (
            self.env["sale.customer.complaint"]
            .with_user(self.users["service"])
            .create(
                {
                    "subject": "Pump leaks",
                    "partner_id": self.partner.id,
                    "order_id": self.done.id,
                    "department_id": self.departments["quality"].id,
                }
            )
        )
        self.assertIs(
            self._rpc(self.users["service"], complaint, "action_transfer_department"),
            True,
        )
        self.assertEqual(
            complaint.transfer_slip_ids.department_id, self.departments["quality"]
        )

    def test_tier_requests_answer_ids_over_rpc(self):
        """Every model of the suite under OCA tier validation keeps OCA's
        ``request_validation`` (the new reviews) for Python callers and
        answers their ids over RPC (``@api.returns``)."""
        checked = []
        for name in sorted(self.env.registry):
            Model = self.env[name]
            if Model._abstract or "review_ids" not in Model._fields:
                continue
            if not hasattr(Model, "request_validation"):
                continue
            if not any(
                is_suite_module(getattr(klass, "_module", None))
                for klass in type(Model).__mro__
            ):
                continue
            method = type(Model).request_validation
            with self.subTest(model=name):
                self.assertTrue(
                    getattr(method, "_returns", None),
                    f"{name}.request_validation answers a recordset over RPC",
                )
            checked.append(name)
        self.assertIn("sale.order", checked)
        self.assertIn("sale.order.access.request", checked)

    def test_tier_evaluation_refuses_ids(self):
        """``evaluate_tier`` takes a tier definition record: over RPC only an
        id can come, refused with a message."""
        with self.assertRaises(UserError):
            call_kw(
                self.env["sale.order"].with_user(self.users["sales"]),
                "evaluate_tier",
                [self.quotation.ids, 1],
                {},
            )
