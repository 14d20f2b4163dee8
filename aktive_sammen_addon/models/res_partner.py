from dateutil.relativedelta import relativedelta
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from .aktive_case_privacy import aktive_rule_aware_domain
from .aktive_groups import COORDINATORS

# Volunteer profile details (area, availability, declaration, assignments, contact dates)
# are the COORDINATORS': not something one volunteer reads about another.
# The contact's one-to-many fields into the cases.
CASE_FIELDS = ("aktive_assignment_ids", "aktive_participant_ids")


class ResPartner(models.Model):
    """A volunteer is a contact with a volunteer profile; a participant is a contact too."""

    _inherit = "res.partner"

    is_aktive_volunteer = fields.Boolean(string="Volunteer", index=True)
    aktive_volunteer_state = fields.Selection(
        [("active", "Active"), ("paused", "Paused"), ("stopped", "Stopped")],
        string="Volunteer status",
        default="active",
    )
    aktive_interest_ids = fields.Many2many(
        "aktive.interest",
        "aktive_partner_interest_rel",
        "partner_id",
        "interest_id",
        string="Interests",
    )
    aktive_language_ids = fields.Many2many(
        "res.lang",
        "aktive_partner_lang_rel",
        "partner_id",
        "lang_id",
        string="Languages spoken",
        context={"active_test": False},
    )
    aktive_driving_licence = fields.Boolean(string="Driving licence")
    aktive_has_car = fields.Boolean(string="Has a car")
    aktive_area = fields.Char(string="Area / district", groups=COORDINATORS)
    aktive_availability = fields.Text(string="Availability", groups=COORDINATORS)
    aktive_organisation_ids = fields.Many2many(
        "res.partner",
        "aktive_partner_organisation_rel",
        "partner_id",
        "organisation_id",
        string="Member of",
        domain=[("is_company", "=", True)],
    )
    aktive_confidentiality_date = fields.Date(
        string="Confidentiality declaration signed",
        help="Date the volunteer signed the confidentiality declaration (taushetserklæring).",
        groups=COORDINATORS,
    )
    aktive_confidentiality_document = fields.Binary(
        string="Signed declaration", attachment=True, groups=COORDINATORS, copy=False
    )
    aktive_confidentiality_filename = fields.Char(groups=COORDINATORS)
    aktive_declaration_missing = fields.Boolean(
        string="Declaration missing",
        compute="_compute_aktive_declaration_missing",
        search="_search_aktive_declaration_missing",
        help="A volunteer without a signed confidentiality declaration on file (date and "
        "document) cannot be given an assignment.",
        groups=COORDINATORS,
    )
    aktive_consent_info_date = fields.Date(
        string="Informed about consent competence", groups=COORDINATORS
    )
    aktive_police_certificate_date = fields.Date(
        string="Police certificate (politiattest)", groups=COORDINATORS
    )
    aktive_last_contact_date = fields.Date(string="Last coordinator contact", groups=COORDINATORS)
    aktive_next_contact_date = fields.Date(
        string="Next coordinator contact",
        compute="_compute_aktive_next_contact",
        store=True,
        readonly=False,
        groups=COORDINATORS,
    )
    aktive_assignment_ids = fields.One2many(
        "aktive.network.member", "partner_id", string="Assignments"
    )
    aktive_assignment_count = fields.Integer(
        string="Active assignments",
        compute="_compute_aktive_assignment_count",
        store=True,
        groups=COORDINATORS,
    )
    aktive_participant_ids = fields.One2many("aktive.participant", "partner_id")
    aktive_private_card = fields.Boolean(
        string="Card of a participant",
        readonly=True,
        copy=False,
        index=True,
        help="The card is, or was, a participant's - or was made under one, or is a relative "
        "or friend in a network: it stays as private as the case, also after the case is "
        "pointed at another card.",
    )
    aktive_last_assignment_end = fields.Date(
        string="Last assignment ended",
        compute="_compute_aktive_assignment_count",
        store=True,
        help="Empty while the volunteer has an active assignment.",
        groups=COORDINATORS,
    )

    @api.depends("aktive_last_contact_date", "is_aktive_volunteer")
    def _compute_aktive_next_contact(self):
        for partner in self:
            last = partner.aktive_last_contact_date
            if not partner.is_aktive_volunteer or not last:
                partner.aktive_next_contact_date = False
                continue
            months = (partner.company_id or self.env.company).aktive_volunteer_contact_interval
            partner.aktive_next_contact_date = last + relativedelta(months=months or 2)

    @api.depends("aktive_confidentiality_date", "aktive_confidentiality_document")
    def _compute_aktive_declaration_missing(self):
        for partner in self:
            partner.aktive_declaration_missing = not partner._aktive_has_declaration()

    def _aktive_has_declaration(self):
        """Date and signed document both on file. Read as superuser: the rule holds for
        whoever adds the volunteer, also a user who cannot open the document itself."""
        self.ensure_one()
        partner = self.sudo()
        return bool(partner.aktive_confidentiality_date and partner.aktive_confidentiality_document)

    def _search_aktive_declaration_missing(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        # sudo: the document is coordinator-only, the flag is not.
        # A subquery, not a list of ids: the volunteer suggestion filters on it at any scale.
        with_document = (
            self.env["ir.attachment"]
            .sudo()
            ._search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_field", "=", "aktive_confidentiality_document"),
                ]
            )
            .subselect("res_id")
        )
        signed = [("aktive_confidentiality_date", "!=", False), ("id", "any!", with_document)]
        missing = (operator == "=") == value
        return ["!", "&", *signed] if missing else ["&", *signed]

    @api.depends("aktive_assignment_ids.active", "aktive_assignment_ids.date_end")
    def _compute_aktive_assignment_count(self):
        ids = [pid for pid in self.ids if pid]
        counts, ended = {}, {}
        if ids:
            groups = (
                self.env["aktive.network.member"]
                .with_context(active_test=False)
                ._read_group(
                    [("partner_id", "in", ids)],
                    ["partner_id", "active"],
                    ["__count", "date_end:max"],
                )
            )
            for partner, active, count, date_end in groups:
                if active:
                    counts[partner.id] = count
                else:
                    ended[partner.id] = date_end
        for partner in self:
            partner.aktive_assignment_count = counts.get(partner.id, 0)
            partner.aktive_last_assignment_end = (
                False if partner.aktive_assignment_count else ended.get(partner.id, False)
            )

    @api.constrains(
        "aktive_confidentiality_date",
        "aktive_consent_info_date",
        "aktive_police_certificate_date",
        "aktive_last_contact_date",
    )
    def _check_aktive_dates(self):
        today = fields.Date.context_today(self)
        for partner in self:
            for name in (
                "aktive_confidentiality_date",
                "aktive_consent_info_date",
                "aktive_police_certificate_date",
                "aktive_last_contact_date",
            ):
                if partner[name] and partner[name] > today:
                    raise ValidationError(
                        self.env._(
                            "%(field)s cannot be in the future.",
                            field=self._fields[name]._description_string(self.env),
                        )
                    )

    def _aktive_active_members(self):
        # sudo: the check must see every assignment, also those the user cannot read.
        return (
            self.env["aktive.network.member"]
            .sudo()
            .search([("partner_id", "in", self.ids), ("active", "=", True)])
        )

    @api.constrains("partner_share", "is_aktive_volunteer")
    def _check_aktive_declaration_in_network(self):
        """The network's declaration rule, from the contact's side: giving a network member
        (a relative, say) a login lets them read the case, and registering them as a
        volunteer makes them one, so either needs the signed declaration just as adding a
        user or a volunteer to a network does."""
        self._aktive_active_members()._check_confidentiality()

    # The fields a path from the addon's models into a contact card rewrites (see
    # models/aktive_case_privacy.py): the contact's cases.
    _aktive_rule_aware_fields = CASE_FIELDS

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        """The addon's one-to-many fields answer only about the records the user may see,
        directly or at the end of a path (see models/aktive_case_privacy.py)."""
        if not (self.env.su or kwargs.get("bypass_access")):
            domain = aktive_rule_aware_domain(self, domain, names=CASE_FIELDS)
        return super()._search(domain, offset, limit, order, **kwargs)

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("parent_id.aktive_private_card")._aktive_mark_private()
        return partners

    @api.model
    def _aktive_mark_participant_cards(self):
        """Mark the cards of every participant, archived ones too (upgrade of a database
        made before the flag)."""
        cases = self.env["aktive.participant"].sudo().with_context(active_test=False)
        cases.search([]).partner_id._aktive_mark_private()  # pylint: disable=no-search-all

    def _aktive_mark_private(self):
        """The card and the cards made under it follow the case's rules from now on
        (security/aktive_rules.xml). As superuser: a flag of the rules, not of the user."""
        cards = self.sudo().with_context(active_test=False)
        cards |= cards.search([("id", "child_of", cards.ids)])
        cards.filtered(lambda c: not c.aktive_private_card).write({"aktive_private_card": True})

    def write(self, vals):
        """Removing the declaration of a volunteer in an active assignment would break the rule."""
        removing = any(
            name in vals and not vals[name]
            for name in ("aktive_confidentiality_date", "aktive_confidentiality_document")
        )
        if removing:
            busy = self._aktive_active_members().filtered(lambda m: m._needs_declaration())[:1]
            if busy:
                raise ValidationError(
                    self.env._(
                        "%(name)s is in an active network: the confidentiality declaration "
                        "cannot be removed.",
                        name=busy.partner_id.name,
                    )
                )
        result = super().write(vals)
        if vals.get("parent_id"):
            self.filtered("parent_id.aktive_private_card")._aktive_mark_private()
        return result

    def action_aktive_log_contact(self):
        """The coordinator spoke with the volunteer today: kept as history, and the next
        contact moves on."""
        self.env["aktive.volunteer.contact"].create([{"partner_id": p.id} for p in self])
        return True

    def action_aktive_open_participant(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "aktive.participant",
            "res_id": self.aktive_participant_ids[:1].id,
            "view_mode": "form",
        }

    def action_aktive_open_assignments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aktive_sammen_addon.aktive_network_member_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_aktive_grant_portal_access(self):
        """Odoo's own portal invitation (the mail in the volunteer's language): the portal
        user it creates gets the Volunteer group too (see portal.wizard.user)."""
        return self.env["portal.wizard"].with_context(active_ids=self.ids).action_open_wizard()

    def _aktive_scrub_if_unused(self):
        """After anonymising a case: clear and archive the person's contact card unless it
        is also someone else in Odoo (a user, a volunteer, a member of another network).
        On the superuser records of the retention cron (aktive.participant._cron_retention)."""
        for partner in self:
            in_use = (
                partner.user_ids
                or partner.is_aktive_volunteer
                or partner.aktive_participant_ids
                or partner.aktive_assignment_ids.with_context(active_test=False)
            )
            if in_use:
                continue
            partner.write(
                {
                    "name": partner._aktive_in_text_lang().env._("Anonymised"),
                    "phone": False,
                    "email": False,
                    "street": False,
                    "street2": False,
                    "zip": False,
                    "city": False,
                    "comment": False,
                    "image_1920": False,
                    "active": False,
                }
            )
            partner.message_ids.unlink()
