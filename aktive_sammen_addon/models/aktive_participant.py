from dateutil.relativedelta import relativedelta
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from .aktive_groups import CASE_WORKERS
from .aktive_groups import COORDINATORS

REFERRAL_SOURCES = [
    ("self", "The person"),
    ("relative", "Relative"),
    ("gp", "GP"),
    ("home_care", "Home care"),
    ("care_housing", "Care housing"),
    ("other", "Other"),
]
# What a case keeps as its history: a participant with any of these is archived, not deleted.
HISTORY_MODELS = (
    "aktive.wish",
    "aktive.network.member",
    "aktive.followup",
    "aktive.sensitive.note",
    "aktive.contact.log",
    "aktive.contact.form.version",
)
# Where a case stands with its follow-ups, for the board's progress bars: the next planned
# conversation is late, comes within DUE_SOON_DAYS, comes later, or none is planned.
FOLLOWUP_STATUSES = [
    ("overdue", "Overdue"),
    ("due_soon", "Due soon"),
    ("on_time", "On time"),
    ("none", "None planned"),
]
DUE_SOON_DAYS = 14
TARGET_GROUPS = [
    ("senior", "Senior (65+)"),
    ("disability", "Person with a disability"),
    ("long_term_ill", "Long-term ill"),
    ("mental_health", "Mental health"),
    ("other", "Other"),
]


class AktiveParticipant(models.Model):
    """A person the method helps, one case per contact. The method step is a stage the
    coordinator moves on the board; forward moves are guarded so the method is followed."""

    _name = "aktive.participant"
    _description = "Participant"
    _inherit = ["mail.thread", "mail.activity.mixin", "aktive.case.privacy", "aktive.input.guard"]
    _order = "priority desc, name, id"
    _check_company_auto = True
    # Input limits (models/aktive_input_guard.py): a name, a phone, a postcode or an address
    # fits a line; a life story may run to many pages.
    _input_limits = {"name": 128, "phone": 64, "email": 254, "zip": 16, "life_story": 100_000}

    # --- the person (an Odoo contact) ---------------------------------------------------------
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        help="The person's contact card; an existing contact is reused, not copied.",
    )
    name = fields.Char(related="partner_id.name", store=True, readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    street = fields.Char(related="partner_id.street", readonly=False)
    zip = fields.Char(related="partner_id.zip", readonly=False)
    city = fields.Char(related="partner_id.city", readonly=False)
    image_1920 = fields.Image(related="partner_id.image_1920", readonly=False)
    avatar_128 = fields.Image(related="partner_id.avatar_128")
    residence = fields.Char(
        index=True,
        help="The building or care housing where the person lives, e.g. 'Venneslatunet "
        "omsorgsboliger': wishes of people living in the same place are seen together.",
    )
    area = fields.Char(string="Area / district", index=True)
    birthdate = fields.Date(string="Date of birth", groups=CASE_WORKERS)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    priority = fields.Selection([("0", "Normal"), ("1", "Important")], default="0")
    color = fields.Integer()

    # --- the method -----------------------------------------------------------------------------
    stage_id = fields.Many2one(
        "aktive.stage",
        string="Step",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        group_expand="_read_group_expand_full",
        default=lambda self: self.env["aktive.stage"].search([], limit=1),
    )
    network_expected = fields.Boolean(
        compute="_compute_network_expected",
        search="_search_network_expected",
        help="From the step where the network is established on, a thin network is a risk.",
    )
    # Derived from the referral date (a case worker field): together they would give it away.
    date_network_established = fields.Date(
        readonly=True,
        copy=False,
        help="The day the case first reached the network step.",
        groups=CASE_WORKERS,
    )
    days_to_network = fields.Integer(
        string="Days from need reported to network",
        compute="_compute_days_to_network",
        store=True,
        aggregator="avg",
        groups=CASE_WORKERS,
    )
    date_last_stage_update = fields.Datetime(
        string="In this step since", default=fields.Datetime.now, copy=False, readonly=True
    )
    days_in_step = fields.Integer(compute="_compute_days_in_step")
    is_last_step = fields.Boolean(
        compute="_compute_is_last_step", help="No next step to offer: follow-ups go on."
    )
    state = fields.Selection(
        [("active", "Active"), ("paused", "Paused"), ("closed", "Closed")],
        default="active",
        required=True,
        tracking=True,
        copy=False,
    )
    paused_until = fields.Date(
        string="Paused until", tracking=True, help="When to get in touch again."
    )
    close_reason = fields.Text(tracking=True, groups=CASE_WORKERS)
    date_closed = fields.Date(readonly=True, copy=False)

    # --- step 1: need reported --------------------------------------------------------------
    referral_source = fields.Selection(
        REFERRAL_SOURCES, string="Need reported by", tracking=True, groups=CASE_WORKERS
    )
    referrer_id = fields.Many2one(
        "res.partner", string="Reported by (contact)", groups=CASE_WORKERS, check_company=True
    )
    referral_date = fields.Date(
        string="Reported on", default=fields.Date.context_today, groups=CASE_WORKERS
    )
    target_group = fields.Selection(TARGET_GROUPS, tracking=True, groups=CASE_WORKERS)

    # --- roles ----------------------------------------------------------------------------------
    coordinator_id = fields.Many2one(
        "res.users",
        tracking=True,
        index=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    municipal_unit_id = fields.Many2one(
        "aktive.municipal.unit", string="Municipal unit", tracking=True, check_company=True
    )
    municipal_contact_id = fields.Many2one(
        "res.partner",
        string="Municipal contact person",
        tracking=True,
        check_company=True,
        help="Whom volunteers call in the municipality when the situation changes.",
    )
    municipal_contact_phone = fields.Char(
        related="municipal_contact_id.phone", string="Municipal contact phone"
    )

    # --- step 2: the conversation, in the person's own words ----------------------------------
    life_story = fields.Html(string="Life story", sanitize_style=True, groups=CASE_WORKERS)
    interests = fields.Text(string="Interests (own words)")
    interest_ids = fields.Many2many("aktive.interest", string="Interest tags")
    adaptations = fields.Text(
        string="Adaptations needed", help="Hearing loop, wheelchair access, transport..."
    )

    # --- the network, wishes and follow-ups -------------------------------------------------
    wish_ids = fields.One2many("aktive.wish", "participant_id", string="Wishes")
    network_member_ids = fields.One2many(
        "aktive.network.member", "participant_id", string="Network"
    )
    sensitive_note_ids = fields.One2many(
        "aktive.sensitive.note", "participant_id", string="Sensitive notes", groups=CASE_WORKERS
    )
    contact_log_ids = fields.One2many("aktive.contact.log", "participant_id", string="Contact log")
    followup_ids = fields.One2many(
        "aktive.followup",
        "participant_id",
        string="Follow-ups",
        groups=CASE_WORKERS,
    )
    active_member_count = fields.Integer(
        string="Active network members", compute="_compute_network", store=True
    )
    network_vulnerable = fields.Boolean(
        string="Vulnerable network",
        compute="_compute_network",
        store=True,
        help="Fewer than two active volunteers or organisations carry this person's network.",
    )
    # Derived from the follow-ups, which are the case workers' alone.
    next_followup_date = fields.Date(
        string="Next follow-up",
        compute="_compute_next_followup_date",
        store=True,
        groups=CASE_WORKERS,
    )
    followup_overdue = fields.Boolean(
        string="Follow-up overdue",
        compute="_compute_next_followup_date",
        store=True,
        groups=CASE_WORKERS,
    )
    # Depends on today, so not stored: searched and grouped (the board's progress bars) in SQL
    # from the two stored fields above, see _read_group_groupby.
    followup_status = fields.Selection(
        FOLLOWUP_STATUSES,
        string="Follow-up status",
        compute="_compute_followup_status",
        search="_search_followup_status",
        groups=CASE_WORKERS,
        help=f"Overdue, due within {DUE_SOON_DAYS} days, on time, or none planned.",
    )

    # The mixin reads the next activity's summary and type as superuser: read them with the
    # user's rights, so a volunteer (who may not read the case workers' activities) gets none.
    activity_summary = fields.Char(compute_sudo=False)
    activity_type_id = fields.Many2one(compute_sudo=False)
    activity_type_icon = fields.Char(compute_sudo=False)

    # Chatter: posting needs write access (mail.thread's default), and so does reading the
    # log - so volunteers never read the case workers' notes.
    def _mail_get_operation_for_mail_message_operation(self, message_operation):
        if message_operation == "read":
            return dict.fromkeys(self, "write")
        return super()._mail_get_operation_for_mail_message_operation(message_operation)

    # Who may change what moves a case to other people (aktive.case.privacy): its contact card,
    # its coordinator and its course through the method are the coordinator's; the
    # municipality names its unit and contact person. Consent: models/aktive_participant_consent.py.
    _aktive_field_writers = {
        "partner_id": COORDINATORS,
        "coordinator_id": COORDINATORS,
        "company_id": COORDINATORS,
        "stage_id": COORDINATORS,
        "state": COORDINATORS,
        "municipal_unit_id": CASE_WORKERS,
        "municipal_contact_id": CASE_WORKERS,
        # Archiving a case takes it off the case list: the coordinators' list (Archive action).
        "active": COORDINATORS,
    }
    # Written only by their process (aktive.case.privacy): the step move (date in the step,
    # date the network was established), closing and reopening (date closed), the retention
    # run (anonymised). Written by hand they would let a case escape retention, be anonymised
    # early or skew the annual report.
    _aktive_process_fields = (
        "anonymised",
        "date_anonymised",
        "date_network_established",
        "date_closed",
        "date_last_stage_update",
    )
    # Nobody creates an archived case.
    _aktive_created_as = {"active": True}

    _partner_uniq = models.Constraint(
        "UNIQUE(partner_id)", "This contact is a participant already: open that case instead."
    )

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        """Only coordinators move cards on the board: the others get its variant without
        dragging (as hr.applicant gives interviewers their own form)."""
        if view_type == "kanban" and not self.env.user.has_group(COORDINATORS):
            board = self.env.ref("aktive_sammen_addon.aktive_participant_view_kanban", False)
            no_move = self.env.ref(
                "aktive_sammen_addon.aktive_participant_view_kanban_no_move", False
            )
            if board and no_move and view_id in (None, False, board.id):
                view_id = no_move.id
        return super().get_view(view_id, view_type, **options)

    # --- computes -------------------------------------------------------------------------------
    @api.depends("stage_id")
    def _compute_is_last_step(self):
        last = self._ordered_stages()[-1:]
        for participant in self:
            participant.is_last_step = participant.stage_id == last

    @api.depends("date_last_stage_update")
    @api.depends_context("tz")
    def _compute_days_in_step(self):
        """Calendar days in the user's time zone: moved yesterday evening is one day."""
        today = fields.Date.context_today(self)
        for participant in self:
            since = participant.date_last_stage_update
            since = fields.Datetime.context_timestamp(self, since).date() if since else today
            participant.days_in_step = (today - since).days

    NETWORK_GUARDS = ("agreed_wish", "active_member")

    @api.depends("stage_id.guard")
    def _compute_network_expected(self):
        for participant in self:
            participant.network_expected = participant.stage_id.guard in self.NETWORK_GUARDS

    def _search_network_expected(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        inside = (operator == "=") == value
        return [("stage_id.guard", "in" if inside else "not in", self.NETWORK_GUARDS)]

    @api.depends("date_network_established", "referral_date")
    def _compute_days_to_network(self):
        for participant in self:
            start, end = participant.referral_date, participant.date_network_established
            participant.days_to_network = (end - start).days if start and end else 0

    @api.depends("network_member_ids.active", "network_member_ids.member_kind")
    def _compute_network(self):
        counts = self._network_counts()
        for participant in self:
            total, carrying = counts.get(participant.id, (0, 0))
            participant.active_member_count = total
            participant.network_vulnerable = carrying < 2

    def _network_counts(self):
        """{participant id: (active members, active volunteers + organisations)} in one query."""
        ids = [pid for pid in self.ids if pid]
        if not ids:
            return {}
        groups = self.env["aktive.network.member"]._read_group(
            [("participant_id", "in", ids), ("active", "=", True)],
            ["participant_id", "member_kind"],
            ["__count"],
        )
        counts = {}
        for participant, kind, count in groups:
            total, carrying = counts.get(participant.id, (0, 0))
            carrying += count if kind in ("volunteer", "organisation") else 0
            counts[participant.id] = (total + count, carrying)
        return counts

    @api.depends("followup_ids.state", "followup_ids.date_planned", "followup_ids.is_overdue")
    def _compute_next_followup_date(self):
        """The earliest planned follow-up; overdue as the daily cron flagged it."""
        ids = [pid for pid in self.ids if pid]
        planned = {}
        if ids:
            groups = self.env["aktive.followup"]._read_group(
                [("participant_id", "in", ids), ("state", "=", "planned")],
                ["participant_id"],
                ["date_planned:min", "is_overdue:bool_or"],
            )
            planned = {participant.id: (date, late) for participant, date, late in groups}
        for participant in self:
            date, late = planned.get(participant.id, (False, False))
            participant.next_followup_date = date
            participant.followup_overdue = bool(late)

    @api.depends("next_followup_date", "followup_overdue")
    def _compute_followup_status(self):
        today = fields.Date.context_today(self)
        soon = today + relativedelta(days=DUE_SOON_DAYS)
        for participant in self:
            date = participant.next_followup_date
            if not date:
                status = "none"
            elif participant.followup_overdue or date < today:
                status = "overdue"
            else:
                status = "due_soon" if date <= soon else "on_time"
            participant.followup_status = status

    def _search_followup_status(self, operator, value):
        if operator != "in":
            return NotImplemented  # "not in" is the negation, the ORM builds it
        today = fields.Date.context_today(self)
        soon = today + relativedelta(days=DUE_SOON_DAYS)
        planned = Domain("next_followup_date", "!=", False)
        late = planned & (
            Domain("followup_overdue", "=", True) | Domain("next_followup_date", "<", today)
        )
        in_time = Domain("followup_overdue", "=", False) & Domain("next_followup_date", ">=", today)
        domains = {
            "none": Domain("next_followup_date", "=", False),
            "overdue": late,
            "due_soon": in_time & Domain("next_followup_date", "<=", soon),
            "on_time": in_time & Domain("next_followup_date", ">", soon),
        }
        return Domain.OR(domains[status] for status in value if status in domains)

    def _read_group_groupby(self, alias, groupby_spec, query):
        """The follow-up status as SQL, so the board groups by it (its progress bars), as
        mail.activity.mixin does for activity_state."""
        if groupby_spec != "followup_status":
            return super()._read_group_groupby(alias, groupby_spec, query)
        self._check_field_access(self._fields["followup_status"], "read")
        today = fields.Date.context_today(self)
        date = self._field_to_sql(alias, "next_followup_date", query)
        late = self._field_to_sql(alias, "followup_overdue", query)
        return SQL(
            """CASE WHEN %(date)s IS NULL THEN 'none'
                    WHEN %(late)s IS TRUE OR %(date)s < %(today)s THEN 'overdue'
                    WHEN %(date)s <= %(soon)s THEN 'due_soon'
                    ELSE 'on_time' END""",
            date=date,
            late=late,
            today=today,
            soon=today + relativedelta(days=DUE_SOON_DAYS),
        )

    # --- constraints ----------------------------------------------------------------------------
    @api.constrains("state", "paused_until", "close_reason")
    def _check_state_details(self):
        for participant in self:
            if participant.state == "paused" and not participant.paused_until:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a pause needs the date to get in touch again.",
                        name=participant.name,
                    )
                )
            if participant.state == "closed" and not (participant.close_reason or "").strip():
                raise ValidationError(
                    self.env._("%(name)s: a closed case needs a reason.", name=participant.name)
                )

    @api.constrains("birthdate", "referral_date")
    def _check_dates_not_future(self):
        today = fields.Date.context_today(self)
        for participant in self:
            if participant.birthdate and participant.birthdate > today:
                raise ValidationError(self.env._("The date of birth cannot be in the future."))
            if participant.referral_date and participant.referral_date > today:
                raise ValidationError(self.env._("The need cannot be reported in the future."))

    # --- create / write / unlink ---------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        """A participant is a contact: reuse the one given, else make one from the name."""
        Partner = self.env["res.partner"]
        # The input guard before the contact card is made: a 3 MB name or a NUL byte would
        # fail in the card's write (the database), before the guard on the case could run.
        self._check_input_vals_list(vals_list)
        for vals in vals_list:
            self._check_input_types(vals)
        for vals in vals_list:
            # The card is the case's company's (res_partner_company.py): not every company's.
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.default_get(["company_id"]).get("company_id")
            )
            if not vals.get("partner_id"):
                if not vals.get("name"):
                    raise ValidationError(self.env._("A participant needs a name."))
                partner_vals = {"name": vals["name"], "company_id": company.id}
                vals["partner_id"] = Partner.create(partner_vals).id
            else:
                vals.pop("name", None)  # the contact's own name wins over a typed one
                Partner.browse(vals["partner_id"])._aktive_check_case_company(company)
        participants = super().create(vals_list)
        for participant in participants:
            participant._check_step_guard(participant.stage_id)
            participant.partner_id._aktive_take_case_company(participant.company_id)
        participants.partner_id._aktive_mark_private()
        return participants

    def write(self, vals):
        # The input guard first: the card and the step below are looked up by the ids given.
        self._check_input_types(vals)
        if vals.get("partner_id") or vals.get("company_id"):
            # A case moves only to a card it may use, and a card without company becomes its.
            # A case moved to another company takes its own card (and those under it) along.
            cards = self.env["res.partner"].browse(vals.get("partner_id"))
            company = self.env["res.company"].browse(vals.get("company_id"))
            for participant in self:
                card = cards or participant.partner_id
                if not cards and company and card.company_id == participant.company_id:
                    participant._aktive_move_card(company)
                    continue
                card._aktive_check_case_company(company or participant.company_id)
        if vals.get("partner_id"):
            # the new card and the old one: an old card stays as private as the case
            (
                self.partner_id | self.env["res.partner"].browse(vals["partner_id"])
            )._aktive_mark_private()
            self.env["res.partner"].browse(vals["partner_id"])._aktive_take_case_company(
                self.env["res.company"].browse(vals.get("company_id")) or self.company_id[:1]
            )
        if "stage_id" not in vals:
            return super().write(vals)
        target = self.env["aktive.stage"].browse(vals["stage_id"])
        backward = self.env[self._name]
        stages = self._ordered_stages()  # once for all the participants moved
        for participant in self:
            if participant.stage_id == target:
                continue
            if stages._index(target) > stages._index(participant.stage_id):
                participant._check_forward_move(target, stages)
            else:
                backward |= participant
        previous = {p.id: p.stage_id for p in backward}
        # Only a real move restarts the days in the step.
        moved = self.filtered(lambda p: p.stage_id != target)
        result = super().write(vals)
        if moved:
            moved._aktive_write_process_fields({"date_last_stage_update": fields.Datetime.now()})
        if target.guard == "active_member":
            self.filtered(lambda p: not p.date_network_established)._aktive_write_process_fields(
                {"date_network_established": fields.Date.context_today(self)}
            )
        for participant in backward:
            env = participant._aktive_in_text_lang().env
            participant.message_post(
                body=env._(
                    "Moved back from step %(old)s to step %(new)s: the plan is adjusted to "
                    "the person's situation.",
                    old=previous[participant.id].with_env(env).name,
                    new=target.with_env(env).name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return result

    def _aktive_write_process_fields(self, vals):
        """The one path for a process's own fields (_aktive_process_fields), after the
        process's checks have passed as the user: the step move, closing, reopening."""
        if not set(vals) <= set(self._aktive_process_fields):
            raise ValueError(f"not process fields: {sorted(vals)}")
        # sudo: these fields no user writes (aktive.case.privacy refuses them); only the
        # values the process computed, on the cases it was allowed to change.
        return self.sudo().write(vals)

    def _aktive_move_card(self, company):
        """The case's own card and the cards under it go with the case to `company`. As
        superuser: moving the case is the coordinator's (field writers), the card follows;
        a card that is also someone else's (a user, a volunteer) stays where it is."""
        self.ensure_one()
        card = self.partner_id.sudo()
        if card.user_ids or card.is_aktive_volunteer:
            return
        cards = card.with_context(active_test=False).search([("id", "child_of", card.id)])
        cards.filtered(lambda c: c.company_id == self.company_id).write({"company_id": company.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if self._aktive_in_retention():
            return  # the retention cron deletes whole expired cases, by the company's choice
        history = self._history_counts()
        for participant in self:
            if history.get(participant.id):
                raise UserError(
                    self.env._(
                        "%(name)s has a history (wishes, network members - ended ones too - "
                        "follow-ups, notes, contact log or contact forms sent): it must be kept. "
                        "Archive the participant instead.",
                        name=participant.name,
                    )
                )

    def _history_models(self):
        """The models whose records are the case's history (an extension adds its own)."""
        return HISTORY_MODELS

    def _history_counts(self):
        """{participant id: records of the case's history}, whoever may see them: a user who
        cannot read the sensitive notes still may not delete them with the case."""
        counts = {}
        for model in self._history_models():
            groups = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                ._read_group([("participant_id", "in", self.ids)], ["participant_id"], ["__count"])
            )
            for participant, count in groups:
                counts[participant.id] = counts.get(participant.id, 0) + count
        return counts

    # --- step guards ----------------------------------------------------------------------------
    def _ordered_stages(self):
        """The five method steps in order (a small configuration table), read once per
        operation and handed on: see aktive.stage's _index."""
        return self.env["aktive.stage"].search([])  # pylint: disable=no-search-all

    def _check_forward_move(self, target, stages):
        self.ensure_one()
        if stages._index(target) != stages._index(self.stage_id) + 1:
            raise UserError(
                self.env._(
                    "%(name)s can move forward one step at a time: from %(old)s the next step "
                    "is %(next)s.",
                    name=self.name,
                    old=self.stage_id.name,
                    next=stages[stages._index(self.stage_id) + 1].name,
                )
            )
        if self.state != "active":
            raise UserError(
                self.env._("%(name)s is paused or closed: resume the case first.", name=self.name)
            )
        self._check_step_guard(target)

    def _check_step_guard(self, stage):
        """Raise if this participant does not meet the condition of entering `stage`."""
        self.ensure_one()
        guard = stage.guard
        if guard == "wish" and not self.wish_ids:
            message = self.env._(
                "Before %(step)s, write down at least one of %(name)s's wishes.",
                step=stage.name,
                name=self.name,
            )
        elif guard == "agreed_wish" and not self.wish_ids.filtered(
            lambda w: w.state in ("agreed", "fulfilled")
        ):
            message = self.env._(
                "Before %(step)s, agree on at least one wish with %(name)s.",
                step=stage.name,
                name=self.name,
            )
        elif guard == "active_member" and not self.network_member_ids.filtered("active"):
            message = self.env._(
                "Before %(step)s, %(name)s needs at least one active network member.",
                step=stage.name,
                name=self.name,
            )
        else:
            return
        raise UserError(message)

    # --- actions --------------------------------------------------------------------------------
    def action_next_step(self):
        """Each one step on; those in the same step move in one write."""
        stages = self._ordered_stages()
        for participant in self:
            if stages._index(participant.stage_id) + 1 >= len(stages):
                raise UserError(
                    self.env._("%(name)s is at the last step already.", name=participant.name)
                )
        for stage, participants in self.grouped("stage_id").items():
            participants.stage_id = stages[stages._index(stage) + 1]
        return True

    def action_pause(self):
        for participant in self:
            if not participant.paused_until:
                raise UserError(
                    self.env._(
                        "Set 'Paused until' - when to get in touch again - before pausing "
                        "%(name)s.",
                        name=participant.name,
                    )
                )
        self.write({"state": "paused"})
        return True

    def action_resume(self):
        self.write({"state": "active", "paused_until": False})
        return True

    def action_close(self):
        for participant in self:
            if not (participant.close_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Write why the case of %(name)s is closed before closing it.",
                        name=participant.name,
                    )
                )
        self.write({"state": "closed"})
        self._aktive_write_process_fields({"date_closed": fields.Date.context_today(self)})
        return True

    def action_reopen(self):
        self.write({"state": "active", "close_reason": False})
        self._aktive_write_process_fields({"date_closed": False})
        return True

    def action_plan_followup(self):
        """Plan the next follow-up conversation one interval from today, and open it. A case
        with a planned one already gets that one opened instead: never a silent second."""
        Followup = self.env["aktive.followup"]
        planned = Followup.search(
            [("participant_id", "in", self.ids), ("state", "=", "planned")],
            order="date_planned, id",
        )
        created = Followup.create(
            [
                {
                    "participant_id": participant.id,
                    "date_planned": participant._next_followup_default(
                        fields.Date.context_today(self)
                    ),
                }
                for participant in self - planned.participant_id
            ]
        )
        if len(self) != 1:
            return True
        followup = (planned or created)[:1]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-up conversation"),
            "res_model": followup._name,
            "res_id": followup.id,
            "views": [(False, "form")],
            "target": "new",
        }

    def action_open_pause_wizard(self):
        """Pause asks when to get in touch again (wizard/aktive_pause_wizard.py)."""
        return self.env["aktive.pause.wizard"]._aktive_open_for(self)

    def action_open_close_wizard(self):
        """Closing asks why (wizard/aktive_close_wizard.py)."""
        return self.env["aktive.close.wizard"]._aktive_open_for(self)

    def _next_followup_default(self, from_date):
        months = self.company_id.aktive_followup_interval or 2
        return from_date + relativedelta(months=months)

    # --- cron -----------------------------------------------------------------------------------
    @api.model
    def _cron_end_of_pause(self):
        """Paused cases whose date has come: remind the coordinator to get in touch again."""
        today = fields.Date.context_today(self)
        # A notice of the pause itself (models/aktive_notice.py) is no reminder to call.
        notice = self.env.ref("aktive_sammen_addon.mail_activity_type_notice", False)
        due = self.search(
            [
                ("state", "=", "paused"),
                ("paused_until", "<=", today),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "!=", notice.id if notice else 0)],
                ),
            ]
        )
        for participant in due:
            user = participant.coordinator_id or self.env.user
            participant.activity_schedule(
                "aktive_sammen_addon.mail_activity_type_followup",
                date_deadline=today,
                summary=participant._aktive_in_text_lang(user).env._(
                    "The pause ends: get in touch again"
                ),
                user_id=user.id,
            )
        return due
