from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

# Follow-ups the overdue cron flags in one call (one transaction); the system parameter
# aktive_sammen_addon.overdue_batch_size overrides it.
OVERDUE_BATCH_SIZE = 1000


class AktiveFollowup(models.Model):
    """A follow-up conversation (oppfølgingssamtale), planned then held. Holding one plans the
    next, so no participant drops out of the coordinator's sight."""

    _name = "aktive.followup"
    _description = "Follow-up conversation"
    _inherit = ["mail.thread", "aktive.case.privacy", "aktive.input.guard"]
    # A case's record: it stays on its case, its company is the case's (aktive.case.privacy).
    _aktive_case_field = "participant_id"
    _order = "date_planned desc, id desc"
    _check_company_auto = True
    _rec_name = "participant_id"

    # No check_company: the company is the participant's (related), the picker would be empty.
    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="participant_id.company_id", store=True, index=True)
    with_whom = fields.Selection(
        [
            ("participant", "The participant"),
            ("network_contact", "Network contact"),
            ("home_care", "Home care"),
            ("volunteer", "Volunteer"),
        ],
        string="With",
        default="participant",
        required=True,
    )
    partner_id = fields.Many2one("res.partner", string="Spoke with", check_company=True)
    user_id = fields.Many2one(
        "res.users",
        string="Coordinator",
        index=True,
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_planned = fields.Date(string="Planned for", required=True, index=True, tracking=True)
    date_held = fields.Date(string="Held on", tracking=True, copy=False)
    summary = fields.Text(copy=False)
    outcome = fields.Selection(
        [
            ("continue", "Continue as agreed"),
            ("adjust", "Adjust the network"),
            ("pause", "Pause"),
            ("close", "Close the case"),
        ],
        tracking=True,
        copy=False,
    )
    next_date = fields.Date(
        string="Next follow-up", copy=False, help="Empty: one interval after this one."
    )
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    is_overdue = fields.Boolean(
        string="Overdue", copy=False, index=True, help="Flagged by the daily check."
    )
    next_followup_id = fields.Many2one("aktive.followup", readonly=True, copy=False)

    @api.depends("participant_id")
    def _compute_user_id(self):
        for followup in self:
            followup.user_id = followup.participant_id.coordinator_id or followup.user_id

    @api.constrains("date_held")
    def _check_date_held(self):
        today = fields.Date.context_today(self)
        for followup in self:
            if followup.date_held and followup.date_held > today:
                raise ValidationError(
                    self.env._("A follow-up cannot be held in the future: it is still planned.")
                )

    @api.constrains("next_date", "date_held", "date_planned")
    def _check_next_date(self):
        for followup in self:
            after = followup.date_held or followup.date_planned
            if followup.next_date and after and followup.next_date <= after:
                raise ValidationError(self.env._("The next follow-up must come after this one."))

    def action_hold(self):
        """Record the conversation as held; plan the next one as an activity for the coordinator."""
        today = fields.Date.context_today(self)
        for followup in self:
            if followup.state != "planned":
                raise UserError(self.env._("Only a planned follow-up can be held."))
            if not (followup.summary or "").strip() or not followup.outcome:
                raise UserError(
                    self.env._(
                        "Write a short summary and choose the outcome before marking the "
                        "follow-up with %(name)s as held.",
                        name=followup.participant_id.name,
                    )
                )
            held = followup.date_held or today
            followup.write({"state": "held", "date_held": held, "is_overdue": False})
            # The reminders that led here (planned, overdue, end of pause) are done now.
            followup.participant_id.activity_feedback(
                ["aktive_sammen_addon.mail_activity_type_followup"], only_automated=False
            )
            followup._apply_outcome(held)
        return True

    def _apply_outcome(self, held):
        participant = self.participant_id
        if self.outcome == "close":
            participant.message_post(
                body=participant._aktive_in_text_lang().env._(
                    "Follow-up held: the outcome is to close the case."
                ),
                subtype_xmlid="mail.mt_note",
            )
            return
        next_date = self.next_date or participant._next_followup_default(held)
        self.next_followup_id = self.create(
            {
                "participant_id": participant.id,
                "with_whom": "participant",
                "date_planned": next_date,
                "user_id": self.user_id.id,
            }
        )
        user = self.user_id or participant.coordinator_id or self.env.user
        participant.activity_schedule(
            "aktive_sammen_addon.mail_activity_type_followup",
            date_deadline=next_date,
            summary=participant._aktive_in_text_lang(user).env._("Follow-up conversation"),
            user_id=user.id,
        )
        if self.outcome == "pause":
            participant.write({"state": "paused", "paused_until": next_date})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        """A conversation that took place is the case's history."""
        if self._aktive_in_retention():
            return
        if any(followup.state == "held" for followup in self):
            raise UserError(
                self.env._(
                    "A follow-up that was held is part of the case's history and cannot be deleted."
                )
            )

    def action_cancel(self):
        self.write({"state": "cancelled", "is_overdue": False})
        return True

    @api.model
    def _cron_flag_overdue(self, batch_size=None):
        """Daily: flag planned follow-ups whose date has passed, and tell the coordinator.

        One bounded batch per call, oldest first: a backlog (the first run on migrated data, a
        long holiday) is worked off batch by batch, each committed, and Odoo's cron runner
        calls again while some remain - no single transaction grows with the backlog."""
        batch_size = batch_size or int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("aktive_sammen_addon.overdue_batch_size", OVERDUE_BATCH_SIZE)
        )
        today = fields.Date.context_today(self)
        domain = [
            ("state", "=", "planned"),
            ("date_planned", "<", today),
            ("is_overdue", "=", False),
        ]
        late = self.search(domain, order="date_planned, id", limit=batch_size)
        late.write({"is_overdue": True})
        self._notify_coordinators_of_late(late, today)
        if self.env.context.get("ir_cron_progress_id"):
            remaining = self.search_count(domain) if len(late) == batch_size else 0
            self.env["ir.cron"]._commit_progress(len(late), remaining=remaining)
        return late

    @api.model
    def _notify_coordinators_of_late(self, late, today):
        """One batch of activities, not one call per participant, and no "assigned to you"
        email per activity (quick update): the coordinator sees them in the activity menu.
        A person who already has a follow-up activity due gets no second one."""
        model_id = self.env["ir.model"]._get_id("aktive.participant")
        activity_type = self.env.ref("aktive_sammen_addon.mail_activity_type_followup")
        already_due = self.env["mail.activity"].search(
            [
                ("res_model", "=", "aktive.participant"),
                ("res_id", "in", late.participant_id.ids),
                ("activity_type_id", "=", activity_type.id),
                ("date_deadline", "<=", today),
            ]
        )
        served = set(already_due.mapped("res_id"))
        participants = late.participant_id.filtered(lambda p: p.id not in served)
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": participant.id,
                    "activity_type_id": activity_type.id,
                    "date_deadline": today,
                    "summary": participant._aktive_in_text_lang(
                        participant.coordinator_id or self.env.user
                    ).env._("Overdue follow-up conversation"),
                    "user_id": (participant.coordinator_id or self.env.user).id,
                }
                for participant in participants
            ]
        )
