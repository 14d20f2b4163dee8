from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

DUTY_ACTIVITY = "aktive_sammen_addon.mail_activity_type_municipal_duty"


class AktiveWish(models.Model):
    """The municipality's duty: a wish for a statutory service (home help, nursing, TT
    transport...) is the municipality's to meet, not the volunteers'. It is never matched to
    volunteers, prints as such on the contact form and goes to the municipal contact."""

    _inherit = "aktive.wish"

    municipal_duty = fields.Boolean(
        string="Municipality's responsibility",
        compute="_compute_municipal_duty",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
        help="A statutory municipal service: never matched to volunteers. Follows the "
        "category (Configuration → Wish categories); the coordinator may mark a wish too.",
    )

    # The category's flag when the category is chosen: flagging a category later marks the
    # wishes chosen from then on, not those agreed before (a volunteer may carry those).
    @api.depends("category_id")
    def _compute_municipal_duty(self):
        for wish in self:
            wish.municipal_duty = wish.category_id.municipal_duty

    @api.constrains("municipal_duty", "network_member_ids")
    def _check_municipal_duty_carriers(self):
        for wish in self.filtered("municipal_duty"):
            if "volunteer" in wish.network_member_ids.mapped("member_kind"):
                raise ValidationError(
                    self.env._(
                        "'%(wish)s' is the municipality's responsibility: a volunteer cannot "
                        "carry it.",
                        wish=wish.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        wishes = super().create(vals_list)
        wishes.filtered(lambda w: w.municipal_duty and w.state != "dropped")._notify_municipality()
        return wishes

    def write(self, vals):
        before = self.filtered("municipal_duty")
        result = super().write(vals)
        (
            self.filtered(lambda w: w.municipal_duty and w.state != "dropped") - before
        )._notify_municipality()
        return result

    def _municipal_duty_user(self):
        """Who in the municipality takes the wish: the contact person's user, else the first
        staff member of the case's unit, else the coordinator (to pass it on)."""
        self.ensure_one()
        participant = self.participant_id.sudo()
        internal = participant.municipal_contact_id.user_ids.filtered(lambda u: not u.share)
        return (
            internal[:1]
            or participant.municipal_unit_id.user_ids.filtered(lambda u: not u.share)[:1]
            or participant.coordinator_id
        )

    def _notify_municipality(self):
        """One activity on the case for the municipal contact, in their language."""
        for wish in self:
            user = wish._municipal_duty_user()
            if not user:
                continue
            env = wish._aktive_in_text_lang(user).env
            # sudo: whoever records the wish (a volunteer may propose it) hands it to the
            # municipality; the activity is then the case workers' to read.
            wish.participant_id.sudo().activity_schedule(
                DUTY_ACTIVITY,
                summary=env._("The municipality's responsibility: %(wish)s", wish=wish.name),
                note=env._(
                    "This wish is a municipal service, not a task for volunteers: "
                    "%(wish)s (%(category)s).",
                    wish=wish.name,
                    category=wish.category_id.with_env(env).name or "-",
                ),
                user_id=user.id,
            )

    def _suggest_volunteers(self, limit=10):
        """Never volunteers for the municipality's duty."""
        if self.municipal_duty:
            return []
        return super()._suggest_volunteers(limit)

    def _suggest_activities(self, limit=5):
        if self.municipal_duty:
            return []
        return super()._suggest_activities(limit)

    def action_suggest(self):
        if any(self.mapped("municipal_duty")):
            raise UserError(
                self.env._(
                    "This wish is the municipality's responsibility: it goes to the municipal "
                    "contact, not to volunteers."
                )
            )
        return super().action_suggest()
