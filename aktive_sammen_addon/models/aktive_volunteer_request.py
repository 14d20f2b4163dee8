import secrets

from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

REQUEST_STATES = [
    ("asked", "Asked"),
    ("yes", "Yes"),
    ("no", "No, not this time"),
    ("added", "Added to the network"),
]


class AktiveVolunteerRequest(models.Model):
    """A volunteer asked to help with a wish (the centre's SMS "can you?"), and the answer.

    The volunteer reads only the request's anonymised text - the area, the kind of activity,
    when, the language - on a page reached by the link in the message (its access token),
    never the person's name, address, health or life story: they are not in the network
    yet. The coordinator sees the answers on the wish and adds one who said yes."""

    _name = "aktive.volunteer.request"
    _description = "Volunteer asked to help"
    _inherit = ["aktive.case.privacy", "aktive.input.guard"]
    _order = "date_asked desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True
    # A request stays on its wish's case (models/aktive_case_privacy.py).
    _aktive_case_field = "participant_id"

    wish_id = fields.Many2one(
        "aktive.wish", required=True, index=True, ondelete="cascade", readonly=True
    )
    participant_id = fields.Many2one(related="wish_id.participant_id", store=True, index=True)
    company_id = fields.Many2one(related="wish_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Volunteer", required=True, index=True, readonly=True
    )
    phone = fields.Char(related="partner_id.phone")
    text = fields.Text(
        string="Request as sent",
        readonly=True,
        help="What the volunteer reads: no name, address, health or life story.",
    )
    state = fields.Selection(REQUEST_STATES, default="asked", required=True, readonly=True)
    date_asked = fields.Datetime(default=fields.Datetime.now, readonly=True)
    date_answered = fields.Datetime(readonly=True)
    message_ids = fields.One2many("aktive.volunteer.message", "request_id", readonly=True)
    # The key of the link in the message (/my/aktive/request/<token>): the volunteer answers
    # without logging in, and the page shows nothing but the anonymised text.
    access_token = fields.Char(
        default=lambda self: secrets.token_urlsafe(24),
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_system",
    )

    _wish_partner_uniq = models.Constraint(
        "UNIQUE(wish_id, partner_id)", "This volunteer has been asked about this wish already."
    )

    # ------------------------------------------------------------------ asking
    @api.model
    def _aktive_ask(self, wish, partners, when=""):
        """Ask `partners` about `wish`: one request each, and one message each on the
        channel they chose. Those asked before are left out."""
        already = self.search([("wish_id", "=", wish.id), ("partner_id", "in", partners.ids)])
        partners -= already.partner_id
        if not partners:
            raise UserError(self.env._("These volunteers have been asked about this wish already."))
        requests = self.create([{"wish_id": wish.id, "partner_id": p.id} for p in partners])
        # sudo: the message queue is the system's (its rules of consent and quiet hold for
        # every writer); coordinators only read it.
        Message = self.env["aktive.volunteer.message"].sudo()
        vals_list = []
        for request in requests:
            lang = Message._aktive_lang(request.partner_id)
            request.text = request.with_context(lang=lang)._aktive_request_text(when)
            vals = Message._aktive_queue_values(
                request.partner_id,
                "request",
                lambda env, request=request: request._aktive_request_message(env),
                request_id=request.id,
                company=wish.company_id,
            )
            if vals:
                vals_list.append(vals)
        messages = Message.create(vals_list)
        messages._aktive_send()
        return requests

    def _aktive_request_text(self, when):
        """The anonymised request in the context's language: what, where, when, which
        language - nothing that names or points at the person."""
        self.ensure_one()
        env = self.env
        # sudo: the wish's category, the case's area and language are read to write the
        # request, by a coordinator who may read them; only these four facts leave.
        wish = self.wish_id.sudo()
        person = wish.participant_id
        what = wish.category_id.with_env(env).name or env._("an activity together")
        lines = [env._("What: %(what)s", what=what)]
        where = person.area or person.city
        if where:
            lines.append(env._("Where: %(where)s", where=where))
        if when:
            lines.append(env._("When: %(when)s", when=when))
        lang = env["res.lang"]._lang_get(person.partner_id.lang or "")
        company_lang = person.company_id.partner_id.lang
        if lang and lang.code != company_lang:
            lines.append(env._("Language: %(language)s", language=lang.name.split(" / ")[-1]))
        return "\n".join(lines)

    def _aktive_request_message(self, env):
        request = self.with_env(env)
        return env._(
            "%(centre)s asks: can you help someone?\n%(request)s\nAnswer here: %(url)s",
            centre=request.company_id.name,
            request=self.text,
            # sudo: the token is for the link, not for reading (system only).
            url=f"{request.get_base_url()}/my/aktive/request/{self.sudo().access_token}",
        )

    # ------------------------------------------------------------------ answers
    def _aktive_answer(self, yes):
        """The volunteer's answer from the page; the coordinator of the case gets a to-do
        for a yes (in the coordinator's language). Runs as superuser from the token-checked
        page (controllers/aktive_volunteer_request.py)."""
        self.ensure_one()
        if self.state not in ("asked", "yes", "no"):
            return
        self.write({"state": "yes" if yes else "no", "date_answered": fields.Datetime.now()})
        if yes:
            coordinator = self.participant_id.coordinator_id or self.env.ref("base.user_admin")
            case = self.participant_id
            env = case._aktive_in_text_lang(coordinator).env
            # On the case, whose to-dos are the coordinator's (a wish has no activities).
            case.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=env._(
                    "%(volunteer)s said yes to: %(wish)s",
                    volunteer=self.partner_id.name,
                    wish=self.wish_id.name,
                ),
                user_id=coordinator.id,
            )

    def action_add_to_network(self):
        """Add the volunteer who said yes to the network, carrying the wish (the
        declaration rules of the network apply)."""
        for request in self:
            if request.state != "yes":
                raise UserError(
                    self.env._("Only a volunteer who said yes can be added from the request.")
                )
            self.env["aktive.network.member"].create(
                {
                    "participant_id": request.participant_id.id,
                    "partner_id": request.partner_id.id,
                    "wish_ids": [Command.link(request.wish_id.id)],
                }
            )
            request.state = "added"
        return True


class AktiveWish(models.Model):
    """The volunteers asked about a wish, and their answers, on the wish."""

    _inherit = "aktive.wish"

    request_ids = fields.One2many(
        "aktive.volunteer.request",
        "wish_id",
        string="Volunteers asked",
        groups="aktive_sammen_addon.group_aktive_coordinator",
    )
