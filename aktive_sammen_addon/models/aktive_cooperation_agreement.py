from dateutil.relativedelta import relativedelta
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

# A review date this many days ahead (or passed) plans the reminder activity.
REVIEW_NOTICE_DAYS = 30


class AktiveCooperationAgreement(models.Model):
    """A cooperation agreement (samarbeidsavtale) between municipal units and the volunteer
    centre or an organisation: who does what, for which period, who to call on each side,
    the signed document and when the parties meet to review it."""

    _name = "aktive.cooperation.agreement"
    _description = "Cooperation agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "aktive.case.privacy", "aktive.input.guard"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Agreement", required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("ended", "Ended")],
        default="draft",
        required=True,
        tracking=True,
    )
    unit_ids = fields.Many2many(
        "aktive.municipal.unit",
        "aktive_cooperation_agreement_unit_rel",
        "agreement_id",
        "unit_id",
        string="Municipal units",
        required=True,
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer centre / organisation",
        required=True,
        tracking=True,
        check_company=True,
        domain=[("is_company", "=", True)],
        help="The other party: the volunteer centre or the organisation.",
    )
    municipal_contact_id = fields.Many2one(
        "res.partner",
        string="Municipality's contact person",
        check_company=True,
        tracking=True,
    )
    partner_contact_id = fields.Many2one(
        "res.partner",
        string="Their contact person",
        check_company=True,
        tracking=True,
    )
    date_start = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_end = fields.Date(string="Until", help="Empty: until further notice.")
    municipality_tasks = fields.Text(
        string="The municipality does",
        help="The municipality's part of the agreed division of tasks.",
    )
    partner_tasks = fields.Text(
        string="The volunteer centre / organisation does",
        help="The other party's part of the agreed division of tasks.",
    )
    date_signed = fields.Date(string="Signed on", tracking=True)
    document = fields.Binary(string="Signed agreement", attachment=True)
    document_name = fields.Char()
    review_date = fields.Date(
        tracking=True,
        help="When the parties review the agreement. The responsible person gets a "
        "to-do activity 30 days before.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        help="Gets the reminder before the review date.",
    )
    # The review date the reminder was planned for: one reminder per review date, also when
    # the activity is done before the date (the daily job then plans no other).
    review_reminder_date = fields.Date(readonly=True, copy=False)
    note = fields.Text()

    @api.constrains("date_start", "date_end")
    def _check_period(self):
        for agreement in self:
            if agreement.date_end and agreement.date_end < agreement.date_start:
                raise ValidationError(self.env._("The agreement cannot end before it starts."))

    @api.model
    def _cron_review_reminder(self):
        """One to-do activity per agreement whose review date is near or passed, for the
        responsible person; never a second one for the same review date."""
        today = fields.Date.context_today(self)
        agreements = self.search(
            [
                ("state", "!=", "ended"),
                ("review_date", "!=", False),
                ("review_date", "<=", today + relativedelta(days=REVIEW_NOTICE_DAYS)),
            ]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        for agreement in agreements:
            if agreement.review_reminder_date == agreement.review_date:
                continue
            user = agreement.user_id or agreement.create_uid
            agreement.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=agreement.review_date,
                summary=agreement._aktive_in_text_lang(user).env._(
                    "Review the cooperation agreement"
                ),
                user_id=user.id,
            )
            agreement.review_reminder_date = agreement.review_date
        return agreements
