from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from .aktive_groups import CASE_WORKERS

# What Export personal data gives of each measure.
EXPORT_FIELDS = ("date", "kind", "declined", "lack_companionship", "left_out", "isolated")


class AktiveParticipant(models.Model):
    """The person's loneliness over time (models/aktive_loneliness_measure.py): the first
    scored measure is the baseline, the most recent the latest, and the change between them
    shows whether the method works for this person. All of it is the case workers' alone, like
    the measures it is derived from: a volunteer sees none of it."""

    _inherit = "aktive.participant"

    loneliness_measure_ids = fields.One2many(
        "aktive.loneliness.measure",
        "participant_id",
        string="Loneliness measures",
        groups=CASE_WORKERS,
    )
    # Derived from the measures; stored for the reports (the annual report groups on them).
    loneliness_baseline_score = fields.Integer(
        string="Loneliness at first measure",
        compute="_compute_loneliness",
        store=True,
        aggregator="avg",
        groups=CASE_WORKERS,
        help="The UCLA score (3-9) of the first scored measure; 0 until two are scored.",
    )
    loneliness_latest_score = fields.Integer(
        string="Loneliness at latest measure",
        compute="_compute_loneliness",
        store=True,
        aggregator="avg",
        groups=CASE_WORKERS,
        help="The UCLA score (3-9) of the most recent scored measure; 0 until two are scored.",
    )
    loneliness_change = fields.Integer(
        string="Change in loneliness",
        compute="_compute_loneliness",
        store=True,
        aggregator="avg",
        groups=CASE_WORKERS,
        help="Latest minus first score: below zero the person feels less lonely than at the "
        "first measure. 0 until two measures are scored.",
    )
    loneliness_change_text = fields.Char(
        string="Since the first measure",
        compute="_compute_loneliness_change_text",
        groups=CASE_WORKERS,
    )

    @api.depends(
        "loneliness_measure_ids.ucla_score",
        "loneliness_measure_ids.date",
        "loneliness_measure_ids.declined",
    )
    def _compute_loneliness(self):
        """From the measures in the cache (prefetched for the whole batch: a constant number
        of queries, however many participants), so that unsaved lines of the form count too."""
        for participant in self:
            scored = participant.loneliness_measure_ids.filtered(
                lambda m: not m.declined and m.ucla_score
            ).sorted(lambda m: (m.date or fields.Date.today(), m._origin.id or 0))
            if len(scored) < 2:
                participant.loneliness_baseline_score = 0
                participant.loneliness_latest_score = 0
                participant.loneliness_change = 0
                continue
            first, latest = scored[0].ucla_score, scored[-1].ucla_score
            participant.loneliness_baseline_score = first
            participant.loneliness_latest_score = latest
            participant.loneliness_change = latest - first

    @api.depends("loneliness_change", "loneliness_latest_score")
    @api.depends_context("lang")
    def _compute_loneliness_change_text(self):
        for participant in self:
            change = participant.loneliness_change
            if not participant.loneliness_latest_score:
                text = self.env._("Two scored measures show the change.")
            elif change < 0:
                text = self.env._(
                    "%(points)s points better since the first conversation", points=-change
                )
            elif change > 0:
                text = self.env._(
                    "%(points)s points worse since the first conversation", points=change
                )
            else:
                text = self.env._("The same as at the first conversation")
            participant.loneliness_change_text = text

    def action_open_loneliness(self):
        """The person's measures over time: a line graph by date, and the list."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aktive_sammen_addon.aktive_loneliness_measure_action_case"
        )
        action["display_name"] = self.env._("Loneliness - %(name)s", name=self.name)
        action["domain"] = [("participant_id", "=", self.id)]
        # fill_temporal off: the line joins the measures, not the empty days between them.
        action["context"] = {
            "default_participant_id": self.id,
            "search_default_scored": 1,
            "fill_temporal": False,
        }
        return action

    # --- retention and export (models/aktive_participant_privacy.py) ---------------------------
    def _retention_children(self):
        """The measures go first: they hold on to their follow-up conversations."""
        measures = self.sudo().loneliness_measure_ids
        return (measures, *super()._retention_children())

    def action_export_personal_data(self):
        # One "export" line says it all: the measures it reads are not logged again.
        with self.env["aktive.access.log"]._muted("loneliness"):
            return super().action_export_personal_data()

    def _personal_data(self):
        data = super()._personal_data()
        Measure = self.env["aktive.loneliness.measure"]
        if Measure.has_access("read"):
            measures = Measure.search([("participant_id", "=", self.id)], order="date, id")
            data["loneliness_measures"] = measures.read(
                [*EXPORT_FIELDS, "ucla_score", "lonely_frequency", "followup_id"]
            )
        return data

    def _history_models(self):
        """A case with measures is archived, not deleted, like one with follow-ups."""
        return (*super()._history_models(), "aktive.loneliness.measure")


class AktiveFollowup(models.Model):
    """The measure taken at a follow-up conversation is recorded on the follow-up itself."""

    _inherit = "aktive.followup"

    loneliness_measure_ids = fields.One2many(
        "aktive.loneliness.measure",
        "followup_id",
        string="Loneliness measures",
        groups=CASE_WORKERS,
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_loneliness_measure(self):
        if self._aktive_in_retention():
            return
        if self.sudo().loneliness_measure_ids:
            raise UserError(
                self.env._(
                    "A loneliness measure was recorded at this follow-up conversation: "
                    "cancel the follow-up instead, or delete the measure first."
                )
            )
