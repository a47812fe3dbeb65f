# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import create_index, ormcache


class OrderHandlingStageLog(models.Model):
    """One stay of a document in one stage: who moved it there, when it
    entered, when it left, and how long it stayed (cycle-time reporting, R1.5).

    Rows are written only by ``order.handling.stage.mixin``; users read them.
    """

    _name = "order.handling.stage.log"
    _inherit = ["order.handling.document.mixin"]
    _description = "Order Handling Stage Log"
    _order = "date_start desc, id desc"
    _rec_name = "stage_name"

    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, readonly=True
    )
    stage = fields.Char(
        string="Stage Value",
        required=True,
        readonly=True,
        help="Technical value of the stage (selection key or record id).",
    )
    stage_name = fields.Char(compute="_compute_stage_name")
    # what the Cycle Times report groups by: stored keys whose labels come
    # from the documents' own stage fields, in the reader's language
    document_type = fields.Selection(
        selection="_selection_document_type",
        compute="_compute_report_keys",
        store=True,
        validate=False,
    )
    stage_key = fields.Selection(
        selection="_selection_stage_key",
        string="Stage",
        compute="_compute_report_keys",
        store=True,
        validate=False,
        help="The stage as its document type names it.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Moved By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_start = fields.Datetime(string="Entered", required=True, readonly=True)
    date_end = fields.Datetime(string="Left", readonly=True, index=True)
    duration_hours = fields.Float(
        string="Duration (h)",
        compute="_compute_duration_hours",
        store=True,
        aggregator="avg",
        help="Calendar hours spent in the stage; empty while the stage is open.",
    )
    sla_deadline = fields.Datetime(
        string="Deadline",
        readonly=True,
        help="Deadline the SLA policy set for this stage, if any.",
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        store=True,
        help="The document left the stage after its deadline.",
    )

    def init(self):
        create_index(
            self.env.cr,
            "order_handling_stage_log_res_idx",
            self._table,
            ["res_model", "res_id"],
        )

    @api.model
    @ormcache()
    def _stage_logged_models(self):
        """Names of the document types that log their stages, kept in the
        registry cache: the set of models changes only with a module install,
        update or removal, which builds a new registry (the scan of every
        model of the registry cost ~0.5 ms for each stage change)."""
        mixin = self.env.registry["order.handling.stage.mixin"]
        return tuple(
            sorted(
                name
                for name, model in self.env.registry.items()
                if issubclass(model, mixin)
                and not model._abstract
                and not model._transient
            )
        )

    @api.model
    def _selection_document_type(self):
        # evaluated for every row written (Selection.convert_to_cache): kept
        # in the registry cache per language (model names change only with
        # a module install or update, which clears it), so a stage change
        # costs no query for it
        return list(self._document_type_selection(self.env.lang))

    @api.model
    @ormcache("lang")
    def _document_type_selection(self, lang):
        IrModel = self.env["ir.model"].sudo().with_context(lang=lang)
        models = IrModel.browse(
            [IrModel._get_id(name) for name in self._stage_logged_models()]
        )
        return tuple((model.model, model.name) for model in models.sorted("name"))

    @api.model
    def _selection_stage_key(self):
        """Every stage of every document type, keyed ``<model>,<stage>``."""
        return [
            (f"{model_name},{value}", label)
            for model_name in self._stage_logged_models()
            for value, label in self.env[model_name]._stage_label().items()
        ]

    @api.depends("res_model", "stage")
    def _compute_report_keys(self):
        for log in self:
            log.document_type = log.res_model
            log.stage_key = f"{log.res_model},{log.stage}"

    @api.depends("date_start", "date_end")
    def _compute_duration_hours(self):
        for log in self:
            if log.date_start and log.date_end:
                delta = log.date_end - log.date_start
                log.duration_hours = delta.total_seconds() / 3600.0
            else:
                log.duration_hours = 0.0

    @api.depends("date_end", "sla_deadline")
    def _compute_is_late(self):
        for log in self:
            log.is_late = bool(
                log.date_end and log.sla_deadline and log.date_end > log.sla_deadline
            )

    @api.depends("res_model", "stage")
    def _compute_stage_name(self):
        by_model = defaultdict(lambda: self.browse())
        for log in self:
            by_model[log.res_model] |= log
        for model_name, logs in by_model.items():
            model = self.env.get(model_name)
            if model is None or not hasattr(model, "_stage_label"):
                for log in logs:
                    log.stage_name = log.stage
                continue
            labels = model._stage_label(logs.mapped("stage"))
            for log in logs:
                log.stage_name = labels.get(log.stage, log.stage)
