# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values of the suite's fields are checked before the ORM stores them.

The check is a mixin, ``order.handling.document.mixin``, that every model of
the suite inherits (first in ``_inherit``: it runs before ``mail.thread``
reads the values), and a function, :func:`check_values`, that the suite's
overrides of Odoo's own models (``sale.order``, ``sale.order.line``...) call
first. Nothing of the suite overrides ``base``: a model that the suite does
not touch behaves as in Odoo.

Over RPC anybody can send any JSON to ``create``/``write``. The ORM refuses a
value of the wrong type deep in its conversion code with a bare
``ValueError``/``TypeError`` ("could not convert string to float") or lets
PostgreSQL refuse it (``psycopg2`` "integer out of range"): an internal error
for the caller, not a message. For the fields that an addon of the suite
defines, the same values are refused first here with a ``ValidationError``
that names the field and what it takes. Values the ORM accepts are accepted
unchanged (the check converts nothing), so code and imports behave as before.
"""

import datetime
import functools
import math
from collections.abc import Iterable, Iterator, Mapping

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.module import get_manifest

SUITE_BASE = "order_handling_base"
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
TEXT_TYPES = ("char", "text", "html")
#: PostgreSQL refuses a B-tree index entry above ~2,700 bytes (one CJK
#: character takes 3 bytes in UTF-8): indexed or unique Char fields are capped
INDEXED_CHAR_MAX = 600


@functools.cache
def is_suite_module(module):
    """Is the addon ``module`` built on the suite: ``order_handling_base`` or
    an addon that depends on it (directly or not)? The suite's addons and an
    integrator's extensions of them are; Odoo's and OCA's are not. Manifests
    do not change while the server runs."""
    if not module:
        return False
    if module == SUITE_BASE:
        return True
    manifest = get_manifest(module)
    return bool(manifest) and any(
        is_suite_module(depend) for depend in manifest.get("depends", ())
    )


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _int_in_range(value):
    return _is_int(value) and INT_MIN <= value <= INT_MAX


def _shown(value):
    """``value`` as quoted in a message: its repr, at most 60 characters."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def check_values(model, vals_list, other_fields=()):
    """Raise a ValidationError for a value of a suite field that the ORM
    or PostgreSQL would refuse with an internal error, and for values
    that are not a dictionary at all (``create(5)``, ``write([1])``).
    Called first by the suite's ``create``/``write`` overrides that read
    ``vals`` before the ORM converts them; ``other_fields``: names of
    fields that the suite does not define but that such an override
    reads (e.g. ``order_id`` of an order line), checked the same way."""
    if isinstance(vals_list, (str, bytes)) or not isinstance(vals_list, Iterable):
        vals_list = [vals_list]
    for vals in vals_list:
        if not isinstance(vals, Mapping):
            shown = _shown(vals)
            raise ValidationError(
                model.env._(
                    "The values of a record of %(model)s are given as a "
                    "dictionary of field names and values, not %(value)s.",
                    model=model._description,
                    value=shown,
                )
            )
        for name, value in vals.items():
            field = model._fields.get(name)
            if (
                field is None
                or value is False
                or value is None
                or not (is_suite_module(field._module) or name in other_fields)
            ):
                continue
            if (
                field.type == "many2one"
                and field.comodel_name == "res.company"
                and not model.env.su
                and _is_int(value)
                and value not in model.env.user.company_ids.ids
            ):
                raise AccessError(
                    model.env._(
                        "You cannot put a record in a company you have no access "
                        "to (field “%(field)s” of %(model)s).",
                        field=field._description_string(model.env),
                        model=model._description,
                    )
                )
            expected = _value_problem(model, field, value)
            if expected:
                shown = _shown(value)
                raise ValidationError(
                    model.env._(
                        "The field “%(field)s” (%(model)s) cannot take the value "
                        "%(value)s: %(expected)s.",
                        field=field._description_string(model.env),
                        model=model._description,
                        value=shown,
                        expected=expected,
                    )
                )


def _value_problem(model, field, value):
    """What ``field`` expects when ``value`` is refused, else None."""
    ftype = field.type
    if ftype == "integer":
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError):
            return model.env._("a whole number is expected")
        if not INT_MIN <= number <= INT_MAX:
            return model.env._(
                "a whole number between -2147483648 and 2147483647 is expected"
            )
    elif ftype in ("float", "monetary"):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return model.env._("a number is expected")
        if not math.isfinite(number) or abs(number) > 1e15:
            return model.env._("a finite number below 10^15 is expected")
    elif ftype == "many2one":
        if isinstance(value, models.BaseModel):
            return None
        # a pair (id, name) from Python code; a list (all JSON and
        # XML-RPC can send) is stored as nothing or refused by PostgreSQL
        if isinstance(value, tuple) and value:
            value = value[0]
        if not _int_in_range(value):
            return model.env._("the id (a whole number) of a record is expected")
    elif ftype in ("one2many", "many2many"):
        return _x2many_problem(model, value)
    elif ftype == "selection":
        # ``validate=False``: the ORM stores any value (keys computed by
        # the suite itself), so there is nothing to refuse
        if field.validate and value not in field.get_values(model.env):
            return model.env._(
                "one of the values %s is expected",
                ", ".join(repr(key) for key in field.get_values(model.env)),
            )
    elif ftype == "date":
        if not isinstance(value, datetime.date):
            try:
                fields.Date.to_date(value)
            except (TypeError, ValueError):
                return model.env._("a date (YYYY-MM-DD) is expected")
    elif ftype == "datetime":
        if not isinstance(value, datetime.date):
            try:
                fields.Datetime.to_datetime(value)
            except (TypeError, ValueError):
                return model.env._("a date and time (YYYY-MM-DD HH:MM:SS) is expected")
    elif ftype in TEXT_TYPES:
        # the ORM would store str(value): "{'a': 1}"
        if isinstance(value, (dict, list, tuple, set)):
            return model.env._("a text is expected")
        if (
            ftype == "char"
            and isinstance(value, str)
            and len(value) > INDEXED_CHAR_MAX
            and btree_indexed(model, field)
        ):
            return model.env._(
                "a text of at most %s characters is expected", INDEXED_CHAR_MAX
            )
    return None


def btree_indexed(model, field):
    """Is ``field`` in a B-tree index: ``index=True`` or a unique SQL
    constraint naming it?"""
    if field.index in (True, "btree", "btree_not_null"):
        return True
    for _name, definition, _message in getattr(model, "_sql_constraints", []):
        definition = definition.lower().replace(" ", "")
        if definition.startswith("unique(") and field.name in definition[7:-1].split(
            ","
        ):
            return True
    return False


def _x2many_problem(model, value):
    """A list of commands (``Command``) or of record ids is expected."""
    expected = model.env._("a list of commands or of record ids is expected")
    if isinstance(value, models.BaseModel):
        return None
    if not isinstance(value, (list, tuple)):
        return expected
    for command in value:
        if _is_int(command):
            if not _int_in_range(command):
                return expected
            continue
        if isinstance(command, models.BaseModel):
            continue
        if not isinstance(command, (list, tuple)) or not command:
            return expected
        code = command[0]
        if not _is_int(code) or not 0 <= code <= 6:
            return expected
        if code in (1, 2, 3, 4) and (len(command) < 2 or not _int_in_range(command[1])):
            return expected
        if code in (0, 1) and len(command) > 2 and not isinstance(command[2], dict):
            return expected
        if code == 6:
            ids = command[2] if len(command) > 2 else None
            if not isinstance(ids, (list, tuple)) or not all(
                _int_in_range(id_) for id_ in ids
            ):
                return expected
    return None


def searched_values(model, field_name, operator, value):
    """The values of the boolean or selection field ``field_name`` that
    the domain condition ``(field_name, operator, value)`` selects, as a
    set: for the ``search`` method of a computed field, which gets
    whatever a client sends. Odoo's domain language for such a field is
    ``=``/``!=`` with one value and ``in``/``not in`` with a list of
    values; the values are True/False for a boolean, the keys of a
    selection (or False: no value) for a selection, None standing for
    False. Anything else (another operator, a number, a dict, a nested
    list...) is refused with a UserError naming the field and the
    operator."""
    field = model._fields[field_name]
    if field.type == "boolean":
        allowed = {True, False}
    else:
        allowed = set(field.get_values(model.env)) | {False}
    if operator in ("=", "!="):
        items = [value]
    elif operator in ("in", "not in") and isinstance(value, (list, tuple)):
        items = value
    else:
        items = None
    selected = set()
    for item in items or ():
        item = False if item is None else item
        if field.type == "boolean":
            valid = isinstance(item, bool)
        else:
            valid = item is False or (isinstance(item, str) and item in allowed)
        if not valid:
            items = None
            break
        selected.add(item)
    if items is None:
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        expected = sorted(key for key in allowed if key is not False)
        raise UserError(
            model.env._(
                "The field “%(field)s” (%(model)s) cannot be searched with "
                "the operator “%(operator)s” and the value %(value)s: use "
                "=, !=, in or not in with %(values)s.",
                field=field._description_string(model.env),
                model=model._description,
                operator=str(operator)[:20],
                value=shown,
                values=", ".join(repr(key) for key in [*expected, False]),
            )
        )
    if operator in ("!=", "not in"):
        return allowed - selected
    return selected


class OrderHandlingDocumentMixin(models.AbstractModel):
    """What every document of the suite has: values of the wrong type for
    its fields are refused with a message naming the field (see the module's
    docstring). Put it first in ``_inherit``; a model's own ``create`` or
    ``write`` that reads ``vals`` calls ``self._oh_check_values`` first."""

    _name = "order.handling.document.mixin"
    _description = "Order Handling Document"

    @api.model_create_multi
    def create(self, vals_list):
        if isinstance(vals_list, Iterator):
            # a generator of values: read once here, it would be empty for
            # the ORM after the check
            vals_list = list(vals_list)
        self._oh_check_values(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._oh_check_values([vals])
        return super().write(vals)

    @api.model
    def _oh_check_values(self, vals_list, other_fields=()):
        check_values(self, vals_list, other_fields)

    def _oh_btree_indexed(self, field):
        return btree_indexed(self, field)

    @api.model
    def _oh_search_values(self, field_name, operator, value):
        return searched_values(self, field_name, operator, value)
