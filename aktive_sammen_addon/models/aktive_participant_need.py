from markupsafe import escape
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError

from .aktive_groups import CASE_WORKERS
from .aktive_groups import COORDINATORS
from .aktive_groups import MUNICIPAL

# The person's contact card, as the participant shows it (related fields).
CARD_FIELDS = ("phone", "email", "street", "zip", "city", "image_1920")


class AktiveParticipant(models.Model):
    """Step 1 from the municipality's side (Behovet meldes): a municipal contact person
    reports a person of their unit, by name on the board or in a short form. The case starts
    in step 1 with the reporter as its municipal contact person (so they follow it through
    the steps, within their role: security/aktive_rules.xml), and every coordinator of the
    company gets an activity to take it on.

    Who may create: the Municipal group has the create right; the municipal participant rule
    (unit staff or contact person) is checked on the new record, so a case can only be
    reported into one's own units or with oneself as contact person."""

    _inherit = "aktive.participant"

    coordinator_id = fields.Many2one(default=lambda self: self._default_aktive_coordinator())
    municipal_unit_id = fields.Many2one(default=lambda self: self._default_aktive_reporter_unit())
    municipal_contact_id = fields.Many2one(
        default=lambda self: self._default_aktive_reporter_partner()
    )
    referrer_id = fields.Many2one(default=lambda self: self._default_aktive_reporter_partner())
    need_description = fields.Text(
        string="What the need is",
        groups=CASE_WORKERS,
        help="In the reporter's words: what the person misses, what has changed.",
    )
    can_run_case = fields.Boolean(
        string="May run the case",
        compute="_compute_can_run_case",
        help="The user is a coordinator: picks the contact card and the coordinator.",
    )

    def _compute_can_run_case(self):
        allowed = self.env.user.has_group(COORDINATORS)
        for participant in self:
            participant.can_run_case = allowed

    # --- defaults -------------------------------------------------------------------------------
    def _aktive_is_reporter(self):
        """A municipal contact person who is not a coordinator: reports needs, does not run
        the case."""
        user = self.env.user
        return not self.env.su and user.has_group(MUNICIPAL) and not user.has_group(COORDINATORS)

    def _default_aktive_coordinator(self):
        # The coordinator takes the case on: a reporter is never its coordinator.
        return False if self._aktive_is_reporter() else self.env.user

    def _default_aktive_reporter_partner(self):
        return self.env.user.partner_id if self._aktive_is_reporter() else False

    def _default_aktive_reporter_unit(self):
        if not self._aktive_is_reporter():
            return False
        units = self.env["aktive.municipal.unit"].search([("user_ids", "in", self.env.uid)])
        return units if len(units) == 1 else False

    # --- create / write -------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._aktive_is_reporter():
            return super().create(vals_list)
        # The access right first: nothing below (the contact card) is made for a user who
        # may not create a case at all.
        self.browse().check_access("create")
        self._check_input_vals_list(vals_list)
        vals_list = [self._aktive_reporter_vals(vals) for vals in vals_list]
        participants = super().create(vals_list)
        # the card's fields went to the card directly: the same limits as any input
        participants._check_input_limits(CARD_FIELDS)
        participants._aktive_notify_coordinators()
        return participants

    def _aktive_reporter_vals(self, vals):
        """A reported need starts in step 1, active, without a coordinator, on a new card.
        A ``default_partner_id`` or ``default_coordinator_id`` of the context counts as given."""
        # Types, sizes and characters first: a unit id "abc" or a 3 MB name fails in the
        # database (the unit's lookup, the card below), not with a message.
        self._check_input_types(vals)
        vals = {**self._aktive_given_defaults(["partner_id", "coordinator_id"]), **vals}
        if vals.get("partner_id"):
            raise AccessError(
                self.env._(
                    "Only the coordinator can link a case to an existing contact. Write the "
                    "person's name: a contact card is made for them."
                )
            )
        if vals.get("coordinator_id"):
            raise AccessError(
                self.env._("The coordinator is chosen by the coordinators, not by the reporter.")
            )
        if not vals.get("name"):
            raise ValidationError(self.env._("A participant needs a name."))
        # The defaults of a reporter (as the form shows them), applied before the card is made.
        for name in ("municipal_unit_id", "municipal_contact_id", "referrer_id"):
            if name not in vals:
                default = self._fields[name].default(self)
                vals[name] = default.id if default else False
        # The municipal participant rule would refuse it too, with the record's technical
        # name: say it plainly first.
        unit = self.env["aktive.municipal.unit"].browse(vals.get("municipal_unit_id"))
        own_unit = unit and self.env.user in unit.user_ids
        if not own_unit and vals.get("municipal_contact_id") != self.env.user.partner_id.id:
            raise AccessError(
                self.env._(
                    "You can report a need for a person of your own units, or be the "
                    "person's municipal contact yourself."
                )
            )
        first_step = self.env["aktive.stage"].search([], limit=1)
        vals.update(stage_id=first_step.id, state="active")
        # The card is the case's company's (res_partner_company.py): not every company's.
        company_id = vals.get("company_id") or self.default_get(["company_id"]).get("company_id")
        card_vals = {"name": vals["name"], "company_id": company_id}
        card_vals.update({name: vals.pop(name) for name in CARD_FIELDS if name in vals})
        self._check_input_types(card_vals)
        # sudo: a municipal contact person may not create contacts (they are no partner
        # manager). The card holds only what they typed about the person they report, and
        # the participant's create marks it private to the case (aktive_private_card), so
        # from then on it is read only under the case's rules. Denial kept:
        # test_municipal_path.py, test_reporter_cannot_create_other_contacts.
        vals["partner_id"] = self.env["res.partner"].sudo().create(card_vals).id
        vals.pop("name")
        return vals

    def _aktive_notify_coordinators(self):
        """Every coordinator of the case's company gets an activity: take the case on."""
        # sudo: who the coordinators are (group membership); only to assign them the activity.
        group = self.env.ref(COORDINATORS).sudo()
        coordinators = group.all_user_ids.filtered(lambda u: u.active and not u._is_public())
        activity_type = self.env.ref("aktive_sammen_addon.mail_activity_type_need_reported")
        for participant in self:
            for user in coordinators.filtered(
                lambda u, p=participant: p.company_id in u.company_ids
            ):
                # The summary in the coordinator's language, not the reporter's.
                text = participant._aktive_in_text_lang(user).env._(
                    "Need reported by %(reporter)s: take the case on",
                    reporter=self.env.user.name,
                )
                participant.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=text,
                    note=escape(participant.need_description or ""),
                    user_id=user.id,
                )

    def write(self, vals):
        """The case workers of a case change the person's phone and address on its card,
        also a municipal contact person, who may not write contacts in general."""
        card_vals = {name: vals[name] for name in CARD_FIELDS if name in vals}
        partner_writer = self.env["ir.model.access"].check(
            "res.partner", "write", raise_exception=False
        )
        if not card_vals or self.env.su or partner_writer:
            return super().write(vals)
        self.check_access("write")
        cards = self.sudo().partner_id
        if not all(cards.mapped("aktive_private_card")):
            raise AccessError(
                self.env._("This contact is not the case's own card: ask the coordinator.")
            )
        self._check_input_types(card_vals)
        rest = {name: value for name, value in vals.items() if name not in card_vals}
        result = super().write(rest) if rest else True
        # sudo: only the card of these cases (private to them, checked above), after the
        # user's write access to the cases is checked; the same limits as any input.
        cards.write(card_vals)
        self._check_input_limits(card_vals)
        return result
