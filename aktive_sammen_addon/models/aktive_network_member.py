from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.fields import Domain

MEMBER_KINDS = [
    ("volunteer", "Volunteer"),
    ("own", "Own network"),
    ("organisation", "Organisation"),
]


class AktiveNetworkMember(models.Model):
    """One person or organisation in a participant's network, in a role. Ended, not deleted:
    who helped, and when, is the case's history."""

    _name = "aktive.network.member"
    _description = "Network member"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    # A case's record: it stays on its case, its company is the case's (aktive.case.privacy).
    _aktive_case_field = "participant_id"
    _order = "participant_id, sequence, id"
    _check_company_auto = True
    _rec_name = "partner_id"

    # No check_company: the company is the participant's (related), the picker would be empty.
    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    member_kind = fields.Selection(
        MEMBER_KINDS,
        string="Kind",
        required=True,
        compute="_compute_member_kind",
        store=True,
        readonly=False,
        precompute=True,
    )
    role_id = fields.Many2one("aktive.network.role")
    sequence = fields.Integer(default=10)
    phone = fields.Char(related="partner_id.phone")
    date_start = fields.Date(string="From", default=fields.Date.context_today)
    date_end = fields.Date(string="Until")
    frequency = fields.Char(help="How often, in words: 'every Tuesday', 'twice a month'.")
    wish_ids = fields.Many2many(
        "aktive.wish",
        "aktive_wish_network_member_rel",
        "member_id",
        "wish_id",
        string="Wishes served",
        domain="[('participant_id', '=', participant_id)]",
    )
    active = fields.Boolean(default=True)
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
        help="Not ended, and its Until date (if any) is today or later: what gives a volunteer "
        "access to the case.",
    )

    @api.depends("partner_id")
    def _compute_member_kind(self):
        for member in self:
            partner = member.partner_id
            if partner.is_aktive_volunteer:
                member.member_kind = "volunteer"
            elif partner.is_company:
                member.member_kind = "organisation"
            else:
                member.member_kind = member.member_kind or "own"

    def _aktive_today(self):
        """Today where the user is: the request's or the user's time zone, else the
        company's (a volunteer's account may have none). The same day as the forms show."""
        # sudo: the company's time zone only (a portal user may not read the company card).
        # A request's own time zone only for the superuser: a JSON-RPC caller could send a far
        # one and stretch an assignment past its Until date.
        context_tz = self.env.context.get("tz") if self.env.su else None
        tz = context_tz or self.env.user.tz or self.env.company.sudo().partner_id.tz
        return fields.Date.context_today(self.with_context(tz=tz))

    @api.depends("active", "date_end")
    @api.depends_context("tz", "uid")
    def _compute_is_current(self):
        today = self._aktive_today()
        for member in self:
            member.is_current = member.active and (not member.date_end or member.date_end >= today)

    def _search_is_current(self, operator, value):
        """The record rules give a volunteer the cases of their current assignments through
        this field. Odoo caches a rule's domain (``ir.rule._compute_domain``) with its basic
        optimisation only; a search method runs when the query is built, so today is
        computed for each query - the access ends on the day after Until, not when the
        cache happens to be cleared, nor when the daily job archives the assignment."""
        if operator not in ("in", "not in") or set(value) != {True}:
            return NotImplemented
        today = self._aktive_today()
        current = Domain("active", "=", True) & (
            Domain("date_end", "=", False) | Domain("date_end", ">=", today)
        )
        return current if operator == "in" else ~current

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for member in self:
            if member.date_start and member.date_end and member.date_end < member.date_start:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the end date is before the start date.",
                        name=member.partner_id.name,
                    )
                )

    @api.constrains("partner_id", "member_kind", "active")
    def _check_confidentiality(self):
        """The method's rule: no volunteer assignment without a signed declaration. It holds for
        a registered volunteer and for anyone who can log in (and so read the case), whatever
        kind the line is given: relabelling a member is no way round it."""
        for member in self.filtered(lambda m: m.active and m._needs_declaration()):
            if not member.partner_id._aktive_has_declaration():
                raise ValidationError(
                    self.env._(
                        "%(name)s has no signed confidentiality declaration on file: record its "
                        "date and attach the signed document on the volunteer before adding "
                        "them to a network.",
                        name=member.partner_id.name,
                    )
                )

    def _needs_declaration(self):
        partner = self.partner_id
        return (
            self.member_kind == "volunteer"
            or partner.is_aktive_volunteer
            or any(
                not user.share or user._has_group("aktive_sammen_addon.group_aktive_volunteer")
                for user in partner.sudo().user_ids
            )
        )

    @api.constrains("participant_id", "partner_id")
    def _check_partner_company(self):
        """A network is made of the case's municipality's people: a volunteer of another
        municipality (a card without company, shared with others) joins only if they serve
        this one; a card of another company is refused by check_company already."""
        for member in self:
            # sudo: the volunteer's municipalities decide, whoever adds them
            partner = member.partner_id.sudo()
            if not partner._aktive_of_company(member.company_id):
                raise ValidationError(
                    self.env._(
                        "%(name)s does not serve %(company)s: a volunteer of another "
                        "municipality cannot join this network.",
                        name=partner.name,
                        company=member.company_id.name,
                    )
                )

    @api.constrains("participant_id", "partner_id")
    def _check_not_self(self):
        for member in self:
            if member.partner_id == member.participant_id.partner_id:
                raise ValidationError(self.env._("A person is not a member of their own network."))

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members._aktive_mark_relative_cards()
        return members

    def write(self, vals):
        result = super().write(vals)
        if "active" in vals and not vals["active"]:
            self._end_notifications()
        if vals.get("partner_id") or vals.get("member_kind") == "own":
            self._aktive_mark_relative_cards()
        return result

    def _aktive_mark_relative_cards(self):
        """A relative or friend in the network (the person's own network, and a plain
        contact: not a volunteer, an organisation or anyone with a login) is the case's
        private contact from now on, as a card made under the participant's is: the
        volunteers and municipal contacts of the case see it, no one else
        (security/aktive_rules.xml). As superuser: a flag of the rules, set whoever adds
        the member."""
        own = self.sudo().filtered(lambda m: m.member_kind == "own")
        cards = own.partner_id.filtered(
            lambda p: (
                not (
                    p.is_aktive_volunteer
                    or p.is_company
                    or p.with_context(active_test=False).user_ids
                )
            )
        )
        # Private to the case, and of its company: a card without company would be hidden
        # from the case's own coordinator by the company-scoped contact rules.
        for company, members in own.grouped(lambda m: m.participant_id.company_id).items():
            (members.partner_id & cards)._aktive_take_case_company(company)
        cards._aktive_mark_private()

    def _end_notifications(self):
        """An ended assignment ends what it let the member receive: they stop following the
        case and its wishes (as superuser: the member's own follower lines, whoever ends
        the assignment). Followers need write access anyway (mail_followers.py); this also
        clears those that came before that rule."""
        members = self.sudo().with_context(active_test=False)
        domain = Domain.FALSE
        for member in members:
            domain |= Domain("partner_id", "=", member.partner_id.id) & (
                (
                    Domain("res_model", "=", "aktive.participant")
                    & Domain("res_id", "=", member.participant_id.id)
                )
                | (
                    Domain("res_model", "=", "aktive.wish")
                    & Domain("res_id", "in", member.participant_id.wish_ids.ids)
                )
            )
        if members:
            self.env["mail.followers"].sudo().search(domain).unlink()

    def action_end(self):
        """End the assignment today and keep it as history."""
        self.write({"active": False, "date_end": fields.Date.context_today(self)})
        return True

    @api.model
    def _cron_end_assignments(self):
        """An assignment planned to end ('Until' in the past) stops counting as the person's
        network the day after, like one ended by hand; the line stays as history."""
        today = fields.Date.context_today(self)
        ended = self.search([("date_end", "<", today)])
        ended.write({"active": False})
        return ended

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if self._aktive_in_retention():
            return
        today = fields.Date.context_today(self)
        if any(m.date_start and m.date_start < today for m in self):
            raise UserError(
                self.env._(
                    "This network member has taken part already: end the assignment instead of "
                    "deleting it, so the history is kept."
                )
            )
