"""Consent on a case: given, dated, its scope, withdrawn, and shared with the coordinator.

Beside the privacy of the case (models/aktive_participant_privacy.py): consent is what lets
the contact form go to the municipality and the coordinator read the municipality's notes;
withdrawing it stops both, and the dates stay on record in the tracked chatter."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from .aktive_groups import CASE_WORKERS
from .aktive_groups import MUNICIPAL


class AktiveParticipant(models.Model):
    _inherit = "aktive.participant"

    # --- consent --------------------------------------------------------------------------------
    consent_given = fields.Boolean(tracking=True, copy=False, groups=CASE_WORKERS)
    consent_date = fields.Date(tracking=True, copy=False, groups=CASE_WORKERS)
    consent_scope = fields.Text(
        string="Consent covers",
        # A stored text: in the municipality's language (models/aktive_text_language.py).
        default=lambda self: self._aktive_in_text_lang().env._(
            "Sending the contact form to the municipality when established and each time it "
            "is updated."
        ),
        groups=CASE_WORKERS,
    )
    consent_share_coordinator = fields.Boolean(
        string="Sensitive notes shared with the coordinator",
        tracking=True,
        copy=False,
        help="The person agreed that the coordinator may read the municipality's health and "
        "personal notes.",
        groups=CASE_WORKERS,
    )
    consent_withdrawn_date = fields.Date(tracking=True, copy=False, groups=CASE_WORKERS)
    can_record_share_consent = fields.Boolean(
        string="May record sharing consent", compute="_compute_can_record_share_consent"
    )

    @api.depends_context("uid")
    def _compute_can_record_share_consent(self):
        allowed = self.env.user.has_group(MUNICIPAL)
        self.can_record_share_consent = allowed

    @api.constrains("consent_given", "consent_date", "consent_withdrawn_date")
    def _check_consent_dates(self):
        today = fields.Date.context_today(self)
        for participant in self:
            if participant.consent_given and not participant.consent_date:
                raise ValidationError(
                    self.env._(
                        "%(name)s: record the date consent was given.", name=participant.name
                    )
                )
            if participant.consent_date and participant.consent_date > today:
                raise ValidationError(self.env._("Consent cannot be dated in the future."))
            withdrawn = participant.consent_withdrawn_date
            if withdrawn and participant.consent_date and withdrawn < participant.consent_date:
                raise ValidationError(
                    self.env._("Consent cannot be withdrawn before it was given.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        """Consent ticked without a date is given today."""
        self._check_share_consent_recorder(vals_list)
        for vals in vals_list:
            if vals.get("consent_given") and not vals.get("consent_date"):
                vals["consent_date"] = fields.Date.context_today(self)
        return super().create(vals_list)

    def write(self, vals):
        self._check_share_consent_recorder([vals])
        if "consent_given" in vals:
            vals = self._consent_dates(vals)
        return super().write(vals)

    def _consent_dates(self, vals):
        """Unticking consent is a withdrawal, dated today; ticking it again is a new consent.
        Either way the history stays in the tracked chatter."""
        today = fields.Date.context_today(self)
        if vals["consent_given"]:
            if all(self.mapped("consent_given")):
                return vals
            return {"consent_date": today, "consent_withdrawn_date": False, **vals}
        if any(self.mapped("consent_given")):
            # Withdrawal stops all sharing, with the coordinator too.
            return {"consent_withdrawn_date": today, "consent_share_coordinator": False, **vals}
        return vals

    def _check_share_consent_recorder(self, vals_list):
        """The notes are the municipality's: only its contact person records that the person
        lets the coordinator read them, so a coordinator cannot grant it to themselves."""
        if self.env.su or self.env.user.has_group(MUNICIPAL):
            return
        if any(vals.get("consent_share_coordinator") for vals in vals_list):
            raise AccessError(
                self.env._(
                    "Only the municipal contact person records the person's consent to share "
                    "the sensitive notes with the coordinator."
                )
            )

    def action_withdraw_consent(self):
        """Withdrawal is dated and kept: the date consent was given stays on record."""
        today = fields.Date.context_today(self)
        for participant in self:
            if not participant.consent_given:
                raise UserError(
                    self.env._("%(name)s has no consent to withdraw.", name=participant.name)
                )
        self.write({"consent_given": False, "consent_withdrawn_date": today})
        return True

    def action_give_consent(self):
        self.write(
            {
                "consent_given": True,
                "consent_date": fields.Date.context_today(self),
                "consent_withdrawn_date": False,
            }
        )
        return True
