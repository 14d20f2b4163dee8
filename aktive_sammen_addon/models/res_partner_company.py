from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    """Each municipality's cards stay in it, when one database holds several (a county).

    A participant's card, and the cards made under it (relatives), carry the case's company,
    so Odoo's own company rule (base.res_partner_rule) keeps them from other companies.
    A volunteer serves one municipality or several (``aktive_company_ids``): a volunteer of
    one has that company on the card; the card of one who serves two has none, so Odoo's
    rule lets both through, and the addon's rules (security/aktive_rules.xml) let only the
    companies served through."""

    _inherit = "res.partner"

    aktive_company_ids = fields.Many2many(
        "res.company",
        "aktive_partner_company_rel",
        "partner_id",
        "company_id",
        string="Serves municipalities",
        help="The municipalities the volunteer serves: their coordinators see the volunteer "
        "and get them suggested for wishes. A card made under a shared card is shared with "
        "the same municipalities.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        registering = self.env.context.get("default_is_aktive_volunteer")
        for vals in vals_list:
            volunteer = vals.get("is_aktive_volunteer", registering)
            if volunteer and not ({"company_id", "aktive_company_ids"} & vals.keys()):
                # A volunteer is registered in the user's current municipality, whatever the
                # form sent (it has no company field): not in every company's list.
                default = self.default_get(["company_id"]).get("company_id")
                vals["company_id"] = default or self.env.company.id
            parent_id = vals.get("parent_id")
            # sudo: the parent's flag and company decide the new card's, whoever makes it
            parent = self.browse(parent_id).sudo() if isinstance(parent_id, int) else None
            if parent and parent.aktive_private_card:
                # A card made under a participant's (a relative) is the case's, like its parent.
                vals["company_id"] = parent.company_id.id
                if not parent.company_id and parent.aktive_company_ids:
                    vals["aktive_company_ids"] = [Command.set(parent.aktive_company_ids.ids)]
        partners = super().create(vals_list)
        partners.filtered("is_aktive_volunteer")._aktive_sync_volunteer_company()
        partners._aktive_check_served_changes({})
        return partners

    def write(self, vals):
        served_before = (
            {p.id: p.aktive_company_ids for p in self}
            if {"aktive_company_ids", "company_id"} & vals.keys()
            else {}
        )
        if vals.get("company_id") and "aktive_company_ids" not in vals:
            # A volunteer given a company by hand (Odoo's contact form) serves that one.
            volunteers = self.filtered("is_aktive_volunteer")
            if volunteers:
                served = [Command.set([vals["company_id"]])]
                super(ResPartner, volunteers).write({"aktive_company_ids": served})
        served_vals = {}
        if "aktive_company_ids" in vals and not self.env.su:
            served_vals = {"aktive_company_ids": vals.pop("aktive_company_ids")}
        result = super().write(vals) if vals or not served_vals else True
        if served_vals:
            # sudo: a coordinator who stops their own municipality's part loses the card from
            # sight at once (the rules follow the list); the change itself is checked below,
            # after the user's right to write the card.
            self.check_access("write")
            super(ResPartner, self.sudo()).write(served_vals)
            vals = dict(vals, **served_vals)
        if served_before:
            self._aktive_check_served_changes(served_before)
        if {"is_aktive_volunteer", "aktive_company_ids", "company_id"} & vals.keys():
            self.filtered("is_aktive_volunteer")._aktive_sync_volunteer_company()
        if vals.get("parent_id"):
            # sudo: as in create, the parent's company decides, whoever moves the card
            parent = self.browse(vals["parent_id"]).sudo()
            if parent.aktive_private_card and parent.company_id:
                self.sudo().filtered(lambda c: c.company_id != parent.company_id).write(
                    {"company_id": parent.company_id.id}
                )
        return result

    def _aktive_check_served_changes(self, served_before):
        """A user says which of THEIR municipalities a volunteer serves: adding or removing
        another municipality is for someone who works in it (the superuser excepted)."""
        if self.env.su:
            return
        own = self.env.user.company_ids
        for partner in self:
            before = served_before.get(partner.id, self.env["res.company"])
            changed = (before - partner.aktive_company_ids) | (partner.aktive_company_ids - before)
            if changed - own:
                raise AccessError(
                    self.env._(
                        "You can add or remove only your own municipalities in what %(name)s "
                        "serves, not %(companies)s.",
                        name=partner.name,
                        companies=", ".join((changed - own).mapped("name")),
                    )
                )

    def _aktive_sync_volunteer_company(self):
        """A volunteer serves at least one municipality (by default the one they were
        registered in); the card has that company when it is one, none when they are more.
        The volunteer's portal login works in the municipalities served (the case rules are
        per company). As superuser: the company of the card follows the volunteer's
        municipalities, whoever changed them (checked in _aktive_check_served_changes)."""
        for partner in self.sudo().with_context(active_test=False):
            if not partner.aktive_company_ids:
                partner.aktive_company_ids = (
                    partner.company_id or partner.user_ids[:1].company_id or self.env.company
                )
            served = partner.aktive_company_ids
            company = served if len(served) == 1 else served.browse()
            users = partner.user_ids
            if any(not user.share for user in users):
                continue  # a staff member's card: the user's own company is the admin's
            for user in users:
                user_vals = {"company_ids": [Command.set(served.ids)]}
                if user.company_id not in served:
                    user_vals["company_id"] = served[:1].id
                if user.company_ids != served or "company_id" in user_vals:
                    user.write(user_vals)
            if partner.company_id != company:
                partner.company_id = company

    def _aktive_of_company(self, company):
        """The cards `company` may use: its own, those of the volunteers who serve it, and
        ordinary contacts without company (not a volunteer's of another municipality)."""
        return self.filtered(
            lambda p: (
                p.company_id in company.parent_ids
                if p.company_id
                else (
                    company in p.aktive_company_ids
                    if p.aktive_company_ids
                    else not p.is_aktive_volunteer
                )
            )
        )

    # --- the cards of a case -------------------------------------------------------------------
    def _aktive_check_case_company(self, company):
        """A case uses only a card of its own company, a card without company, or the card of
        a volunteer who serves its company: the card of another municipality's person is
        refused with a word, not with Odoo's generic company error."""
        self.check_access("read")
        for card in self.sudo():
            other = card.company_id and card.company_id != company
            if not card.company_id and card.is_aktive_volunteer and card.aktive_company_ids:
                other = company not in card.aktive_company_ids
            if other:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a contact of another municipality: a case of %(company)s "
                        "cannot use the card. Make a new contact for the person.",
                        name=card.name,
                        company=company.name,
                    )
                )

    def _aktive_take_case_company(self, company):
        """A card without company becomes the case's (its relatives with it: Odoo writes the
        company on the cards under it). Cards of staff (an internal user's, visible in every
        company by Odoo's design) and of a volunteer shared with other municipalities keep
        theirs. As superuser: checked with _aktive_check_case_company, the company is the
        case's, whoever links the card (a municipal reporter may not write contacts)."""
        cards = self.sudo().filtered(
            lambda c: (
                not c.company_id
                and c.partner_share
                and not (c.is_aktive_volunteer and len(c.aktive_company_ids) > 1)
            )
        )
        cards.write({"company_id": company.id})

    # --- existing databases --------------------------------------------------------------------
    @api.model
    def _aktive_migrate_card_companies(self):
        """19.0.3.0.0: the cards made before they carried a company get one.

        - a participant's card (archived cases too) gets its case's company; a card used by
          cases of several companies is shared with them instead;
        - a card made under such a card gets its parent's;
        - a volunteer serves the companies of their assignments' cases (several: a shared
          card), else the card's company, else the company of the user who registered them.
        """
        Partner = self.sudo().with_context(active_test=False)
        cases = self.env["aktive.participant"].sudo().with_context(active_test=False)
        companies_of = {}
        for case in cases.search([]):  # pylint: disable=no-search-all
            companies_of.setdefault(case.partner_id, case.company_id.browse())
            companies_of[case.partner_id] |= case.company_id
        for card, companies in companies_of.items():
            if card.company_id or not card.partner_share:
                continue
            if len(companies) == 1:
                card._aktive_take_case_company(companies)
            else:
                card.aktive_company_ids = companies
        for child in Partner.search(
            [("parent_id.aktive_private_card", "=", True), ("partner_share", "=", True)]
        ):
            parent = child.parent_id
            if parent.company_id and child.company_id != parent.company_id:
                child.company_id = parent.company_id
            elif not parent.company_id and not child.aktive_company_ids:
                child.aktive_company_ids = parent.aktive_company_ids
        members = self.env["aktive.network.member"].sudo().with_context(active_test=False)
        for volunteer in Partner.search(
            [("is_aktive_volunteer", "=", True), ("aktive_company_ids", "=", False)]
        ):
            served = members.search([("partner_id", "=", volunteer.id)]).company_id
            volunteer.aktive_company_ids = (
                served or volunteer.company_id or volunteer.create_uid.company_id
            )
        Partner.search([("is_aktive_volunteer", "=", True)])._aktive_sync_volunteer_company()
