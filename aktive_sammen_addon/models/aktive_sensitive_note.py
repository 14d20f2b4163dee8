from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError


class AktiveSensitiveNote(models.Model):
    """Health and personal circumstances, kept apart from the participant so that no
    volunteer can ever reach them (no access right at all), the municipality writes them, and
    the coordinator reads them only where the person consented to that sharing."""

    _name = "aktive.sensitive.note"
    _description = "Sensitive note"
    _inherit = ["mail.thread", "aktive.case.privacy", "aktive.input.guard"]
    # A case's record: it stays on its case, its company is the case's (aktive.case.privacy).
    _aktive_case_field = "participant_id"
    _order = "date desc, id desc"
    _check_company_auto = True

    # No check_company: the company is the participant's (related), the picker would be empty.
    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("health", "Health"), ("personal", "Personal circumstances"), ("other", "Other")],
        default="health",
        required=True,
        tracking=True,
    )
    date = fields.Date(default=fields.Date.context_today, required=True, tracking=True)
    note = fields.Text(required=True, tracking=True)
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, string="Written by"
    )

    @api.constrains("date")
    def _check_date(self):
        """A note says what is known today: a future date is a typo (as in the contact log)."""
        today = fields.Date.context_today(self)
        if any(note.date > today for note in self):
            raise ValidationError(self.env._("A sensitive note cannot be dated in the future."))

    @api.model_create_multi
    def create(self, vals_list):
        """A note is signed by whoever writes it: the author cannot be given at creation."""
        if not self.env.su:
            for vals in vals_list:
                vals["author_id"] = self.env.uid
        return super().create(vals_list)

    def write(self, vals):
        """The unit rule is checked on the note as it was: a note stays with its person and
        its author, so it cannot be moved into another unit's case (or one shared with the
        coordinator)."""
        moved = [
            name
            for name in ("participant_id", "author_id")
            if name in vals and any(note[name].id != vals[name] for note in self)
        ]
        if moved and not self.env.su:
            raise AccessError(
                self.env._("A sensitive note cannot be moved to another person or author.")
            )
        return super().write(vals)
