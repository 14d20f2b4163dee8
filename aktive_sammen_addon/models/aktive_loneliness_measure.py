from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

# UCLA three-item loneliness scale (Hughes, Waite, Hawkley and Cacioppo 2004, "A short scale
# for measuring loneliness in large surveys", Research on Aging 26(6)): each item is scored
# 1-3, the sum 3-9. The keys are the scores.
UCLA_ANSWERS = [("1", "Hardly ever"), ("2", "Some of the time"), ("3", "Often")]
UCLA_ITEMS = ("lack_companionship", "left_out", "isolated")
# The Office for National Statistics' direct question "How often do you feel lonely?".
ONS_ANSWERS = [
    ("often", "Often or always"),
    ("some", "Some of the time"),
    ("occasionally", "Occasionally"),
    ("hardly", "Hardly ever"),
    ("never", "Never"),
]
ANSWER_FIELDS = (*UCLA_ITEMS, "lonely_frequency")
SOURCE = (
    "UCLA three-item loneliness scale: Hughes, M. E. et al. (2004), Research on Aging 26(6); "
    "direct question: Office for National Statistics (ONS)."
)


class AktiveLonelinessMeasure(models.Model):
    """How lonely the person feels, asked at the conversation (step 2: the baseline) and at
    each follow-up conversation, so that the case - and the municipality's annual report -
    show whether the method works for this person.

    Why not Odoo's ``survey`` module: it is built for quizzes and questionnaires sent to
    respondents - it scores answers as right or wrong and shows the respondent a percentage,
    keeps its answers in ``survey.user_input`` under the survey's own access rules, outside
    the case's record rules, retention, data export and access log. Here the questions are
    four fixed, published items that the coordinator asks in the conversation and records;
    the score is the scale's sum (3-9), not a grade; and each measure is a small record of
    the case, read only by the case workers (coordinator, municipal contact person), never
    by volunteers. Stored integer and selection fields make the report one grouped query.
    """

    _name = "aktive.loneliness.measure"
    _description = "Loneliness measure"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    # A case's record: it stays on its case, its company is the case's (aktive.case.privacy).
    _aktive_case_field = "participant_id"
    _order = "date desc, id desc"
    _check_company_auto = True

    # No check_company: the company is the participant's (related), the picker would be empty.
    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    # restrict: a follow-up holding a measure is not deleted under it (see aktive.followup);
    # retention removes the measures first.
    followup_id = fields.Many2one(
        "aktive.followup",
        string="Follow-up conversation",
        index="btree_not_null",
        ondelete="restrict",
        help="Empty for the measure at the first conversation (the baseline).",
    )
    date = fields.Date(default=fields.Date.context_today, required=True, index=True)
    kind = fields.Selection(
        [("baseline", "Conversation"), ("followup", "Follow-up conversation")],
        compute="_compute_kind",
        store=True,
        help="Conversation: before the follow-ups (the first one is the baseline); "
        "or a follow-up conversation.",
    )
    declined = fields.Boolean(
        string="Declined to answer",
        help="The person did not want to answer: recorded as declined, without answers or score.",
    )
    lack_companionship = fields.Selection(
        UCLA_ANSWERS,
        string="Lacks companionship",
        help="How often do you feel that you lack companionship? " + SOURCE,
    )
    left_out = fields.Selection(
        UCLA_ANSWERS, string="Feels left out", help="How often do you feel left out? " + SOURCE
    )
    isolated = fields.Selection(
        UCLA_ANSWERS,
        string="Feels isolated",
        help="How often do you feel isolated from others? " + SOURCE,
    )
    ucla_score = fields.Integer(
        string="Loneliness score",
        compute="_compute_ucla_score",
        store=True,
        aggregator="avg",
        help="The sum of the three UCLA items, from 3 (hardly ever lonely) to 9 (often "
        "lonely); 0 when declined or not all three were answered. " + SOURCE,
    )
    lonely_frequency = fields.Selection(
        ONS_ANSWERS, string="Feels lonely", help="How often do you feel lonely? " + SOURCE
    )

    @api.depends("followup_id")
    def _compute_kind(self):
        for measure in self:
            measure.kind = "followup" if measure.followup_id else "baseline"

    @api.depends("declined", *UCLA_ITEMS)
    def _compute_ucla_score(self):
        for measure in self:
            answers = [measure[name] for name in UCLA_ITEMS]
            complete = all(answers) and not measure.declined
            measure.ucla_score = sum(int(answer) for answer in answers) if complete else 0

    @api.depends("participant_id.name", "date")
    def _compute_display_name(self):
        for measure in self:
            date = format_date(self.env, measure.date) if measure.date else ""
            measure.display_name = " - ".join(filter(None, (measure.participant_id.name, date)))

    @api.onchange("declined")
    def _onchange_declined(self):
        """Declining empties the answers on the screen, before the constraint would refuse."""
        if self.declined:
            for name in ANSWER_FIELDS:
                self[name] = False

    @api.onchange("followup_id")
    def _onchange_followup_id(self):
        if self.followup_id and not self.participant_id:
            self.participant_id = self.followup_id.participant_id

    # participant_id: always given, so that a measure created without answers is checked too.
    @api.constrains("participant_id", "declined", *ANSWER_FIELDS)
    def _check_answers(self):
        for measure in self:
            answered = [name for name in ANSWER_FIELDS if measure[name]]
            if measure.declined and answered:
                raise ValidationError(
                    self.env._(
                        "The person declined to answer: a declined measure keeps no answers. "
                        "Clear the answers or untick 'Declined to answer'."
                    )
                )
            if not measure.declined and not answered:
                raise ValidationError(
                    self.env._(
                        "Record at least one answer, or tick 'Declined to answer' if the "
                        "person did not want to answer."
                    )
                )

    @api.constrains("date")
    def _check_date_not_future(self):
        today = fields.Date.context_today(self)
        for measure in self:
            if measure.date and measure.date > today:
                raise ValidationError(
                    self.env._(
                        "A loneliness measure records what the person answered: it cannot be "
                        "dated in the future."
                    )
                )

    @api.constrains("followup_id", "participant_id")
    def _check_followup_participant(self):
        for measure in self.sudo():
            followup = measure.followup_id
            if followup and followup.participant_id != measure.participant_id:
                raise ValidationError(
                    self.env._(
                        "The follow-up conversation belongs to %(other)s, not to %(name)s.",
                        other=followup.participant_id.name,
                        name=measure.participant_id.name,
                    )
                )
