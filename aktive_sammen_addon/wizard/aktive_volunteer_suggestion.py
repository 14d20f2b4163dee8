from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import MissingError
from odoo.exceptions import UserError

SUGGESTIONS = 10
INT_MAX = 2**31 - 1  # PostgreSQL's integer


class AktiveVolunteerSuggestion(models.TransientModel):
    """Find volunteers and offers for a wish: a ranked list with the reasons shown, and one
    click to add the chosen volunteer to the network. Reads in a fixed number of queries,
    whatever the number of volunteers."""

    _name = "aktive.volunteer.suggestion"
    _description = "Suggest volunteers and activities for a wish"

    wish_id = fields.Many2one("aktive.wish", required=True, ondelete="cascade")
    participant_id = fields.Many2one(related="wish_id.participant_id")
    role_id = fields.Many2one(
        "aktive.network.role",
        default=lambda self: self.env.ref(
            "aktive_sammen_addon.network_role_activity_companion", raise_if_not_found=False
        ),
    )
    line_ids = fields.One2many("aktive.volunteer.suggestion.line", "wizard_id")
    activity_line_ids = fields.One2many("aktive.activity.suggestion.line", "wizard_id")
    ask_when = fields.Char(
        string="When",
        help="When the help is wanted, in a few words ('Tuesday mornings'): it goes to the "
        "volunteers asked. No names or health details.",
    )
    volunteer_note = fields.Char(compute="_compute_notes")
    activity_note = fields.Char(compute="_compute_notes")

    @api.depends("line_ids", "activity_line_ids", "wish_id.category_id")
    def _compute_notes(self):
        """Why a tab is empty, in a sentence: an empty list says nothing."""
        for wizard in self:
            wizard.volunteer_note = (
                False
                if wizard.line_ids
                else self.env._(
                    "No volunteer fits this wish yet. Suggested are active volunteers with a "
                    "signed confidentiality declaration, not in this network already, who fit "
                    "more than they are busy: one without a driving licence when transport is "
                    "needed, or with assignments and nothing in common with the person, is "
                    "left out."
                )
            )
            category = wizard.wish_id.category_id
            if wizard.activity_line_ids:
                wizard.activity_note = False
            elif category:
                wizard.activity_note = self.env._(
                    "No activity in the catalogue has the category %(category)s. Add the "
                    "activity to the catalogue with this category to see it here.",
                    category=category.name,
                )
            else:
                wizard.activity_note = self.env._(
                    "The activity catalogue is empty: add the local offers - clubs, groups, "
                    "gatherings - to see them here."
                )

    @api.model_create_multi
    def create(self, vals_list):
        Wish = self.env["aktive.wish"]
        for vals in vals_list:
            wish_id = vals.get("wish_id", self.env.context.get("default_wish_id"))
            valid = isinstance(wish_id, int) and not isinstance(wish_id, bool)
            if not (valid and 0 < wish_id <= INT_MAX and Wish.browse(wish_id).exists()):
                raise MissingError(
                    self.env._("The wish to find help for does not exist (any more).")
                )
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard._fill()
        return wizards

    def _fill(self):
        # A negative score is a volunteer who does not fit (no driving licence when transport
        # is needed, already busy): not a suggestion. The note on the tab says so.
        self.line_ids = [
            Command.create(
                {"volunteer_id": partner.id, "score": score, "reasons": "\n".join(reasons)}
            )
            for partner, score, reasons in self.wish_id._suggest_volunteers(SUGGESTIONS)
            if score >= 0
        ]
        self.activity_line_ids = [
            Command.create(
                {
                    "activity_id": activity.id,
                    "score": score,
                    "reasons": "\n".join(reasons),
                    "driver_ids": [Command.set(drivers.ids)],
                },
            )
            for activity, score, reasons, drivers in self.wish_id._suggest_activities(5)
        ]

    def action_ask(self):
        """Ask the volunteers ticked in the list, in one go: an anonymised request by SMS or
        e-mail (models/aktive_volunteer_request.py); their answers come back on the wish."""
        self.ensure_one()
        chosen = self.line_ids.filtered("ask").volunteer_id
        if not chosen:
            raise UserError(self.env._("Tick the volunteers to ask in the column Ask."))
        when = (self.ask_when or "").strip()
        requests = self.env["aktive.volunteer.request"]._aktive_ask(self.wish_id, chosen, when)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s volunteers asked. Their answers come on the wish.",
                    count=len(requests),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def action_open(self, wish):
        """Open the wizard for a wish (from the wish or the participant)."""
        if not wish:
            raise UserError(self.env._("This participant has no open wish to find help for."))
        wizard = self.create({"wish_id": wish.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Suggestions for: %(wish)s", wish=wish.name),
        }
