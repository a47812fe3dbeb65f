# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Texts the server writes, and in whose language (readme/DEVELOP.md,
"Texts the server writes").

- A name the server generates for a document (a product plan's title, a
  review meeting's name) is stored in a translated field (``translate=True``)
  in every active language: ``set_generated_names(records, field, texts)``
  with lazy translations (``_lt = LazyTranslate(__name__)``;
  ``_lt("Product plan for %s", order.name)``). Each reader sees it in their
  language; a user who edits it edits their language, as anywhere in Odoo.
- A note the server posts (chatter) is one text for every reader: it is
  written in the language of the person who acts, or in the company's
  language when the system acts (the superuser / OdooBot, a scheduled
  action, a portal or public user): ``note_env(records)`` is the env to
  write it with (its ``lang``, and its ``tz`` for dates).
"""

from psycopg2.extras import Json

from odoo import SUPERUSER_ID
from odoo.tools import SQL, split_every
from odoo.tools.translate import LazyGettext

# rows of one UPDATE
UPDATE_BATCH = 500


def active_langs(env):
    """Codes of the active languages (ormcached, no query), ``en_US``
    first: the value a translated field falls back to, kept even when
    English is not active."""
    codes = [code for code, _name in env["res.lang"].get_installed()]
    return ["en_US"] + [code for code in codes if code != "en_US"]


def translations(env, text, langs=None):
    """``{lang: text}`` of a lazy translation (``_lt(...)``) in each of
    ``langs`` (default: the active languages); a plain string is the same
    in all."""
    langs = langs or active_langs(env)
    if isinstance(text, LazyGettext):
        return {lang: text._translate(lang) for lang in langs}
    return dict.fromkeys(langs, text)


def set_generated_names(records, fname, texts):
    """Write the name the server generated into the translated field
    ``fname`` of ``records``, in every active language (replacing what the
    field held in any language).

    :param texts: one lazy translation for all records, or a list of them,
      one per record in the order of ``records`` (plain strings are taken
      as they are, the same in all languages)

    One ``UPDATE`` for up to 500 records; the caller decided the records
    may be written (e.g. it just created them), no access check here.
    """
    if not records:
        return
    field = records._fields[fname]
    if field.translate is not True or not field.store:
        raise TypeError(f"{field} is not a stored field with translate=True")
    if not isinstance(texts, list | tuple):
        texts = [texts] * len(records)
    env = records.env
    langs = active_langs(env)
    rows = [
        (record_id, Json(translations(env, text, langs)))
        for record_id, text in zip(records.ids, texts, strict=True)
    ]
    # a value of the field still waiting in the cache is written first, not
    # over ours
    records.flush_recordset([fname])
    for chunk in split_every(UPDATE_BATCH, rows):
        env.cr.execute(
            SQL(
                """UPDATE %(table)s AS t SET %(column)s = v.value
                   FROM (VALUES %(values)s) AS v(id, value)
                   WHERE t.id = v.id""",
                table=SQL.identifier(records._table),
                column=SQL.identifier(fname),
                values=SQL(", ").join(
                    SQL("(%s, %s::jsonb)", record_id, value)
                    for record_id, value in chunk
                ),
            )
        )
    records.invalidate_recordset([fname])
    records.modified([fname])


def is_system_actor(env):
    """Whether the system acts in ``env`` rather than a person: the
    superuser (OdooBot, whom the suite's scheduled actions run as), a portal
    or public user. Decided from the user only, never from the context: a
    client sends any context key it likes."""
    return env.uid == SUPERUSER_ID or env.user.sudo().share


def note_env(records, company=None):
    """The env in which the server writes a note about ``records``: the
    acting person's (their language and time zone: format dates with
    ``format_datetime(env, value, tz=env.context.get("tz"))``, which falls
    back to the user's); when the system acts
    (``is_system_actor``), the language of the company
    (``company.partner_id.lang``, if active; else the acting env's) and its
    time zone (the company's address, else the acting env's).

    :param company: default: the records' company (``company_id`` of the
      first record), else the env's company
    """
    env = records.env
    if not is_system_actor(env):
        return env
    if company is None:
        company = (
            records[:1].sudo().company_id if "company_id" in records._fields else None
        ) or env.company
    partner = company.sudo().partner_id
    context = dict(env.context)
    if partner.lang and env["res.lang"]._get_code(partner.lang):
        context["lang"] = partner.lang
    if partner.tz:
        context["tz"] = partner.tz
    return env(context=context)


def regenerate_names(env, model, fname, rows, make_text):
    """For a migration that made ``fname`` translated: ``rows`` are
    ``(record id, stored value, *args)``; the records whose stored value is
    the name the server generated (``make_text(*args)``, a lazy translation,
    in any active language) and nobody changed get it again in every active
    language (``set_generated_names``)."""
    langs = active_langs(env)
    ids, texts = [], []
    for record_id, value, *args in rows:
        text = make_text(*args)
        if value in {text._translate(lang) for lang in langs}:
            ids.append(record_id)
            texts.append(text)
    set_generated_names(env[model].browse(ids), fname, texts)
