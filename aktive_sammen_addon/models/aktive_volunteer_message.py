import logging
import re
import secrets
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytz
from markupsafe import Markup
from markupsafe import escape
from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# No message reaches a volunteer between 21:00 and 08:00 (the company's local time): what
# comes up at night waits for the morning.
QUIET_START = time(21, 0)
QUIET_END = time(8, 0)
DEFAULT_TZ = "Europe/Oslo"
CHANNELS = [("sms", "SMS"), ("email", "E-mail"), ("none", "Nothing")]
KINDS = [
    ("request", "Request for help"),
    ("visit", "No visit logged"),
    ("followup", "Follow-up conversation tomorrow"),
    ("declaration", "Declaration to renew"),
    ("police", "Police certificate to renew"),
    ("checkin", "How is it going?"),
]
STATES = [
    ("queued", "Waiting"),
    ("sent", "Sent"),
    ("merged", "Sent with another"),
    ("failed", "Not sent"),
]
FAILURES = [
    ("no_number", "No mobile number to send an SMS to"),
    ("no_email", "No e-mail address"),
]
CHECKIN_ANSWERS = [
    ("fine", "It is going well"),
    ("talk", "I would like to talk"),
    ("pause", "I need a break"),
]
# A Norwegian mobile or landline number: eight digits, perhaps with +47 or 0047 before.
NO_NUMBER = re.compile(r"^(?:\+47|0047)?(\d{8})$")


def sms_number(phone):
    """The number to send an SMS to, in E.164 (+4790000001), or False. Eight digits are a
    Norwegian number; a number with its own country code (+46..., 0046...) is kept. Without
    the optional `phonenumbers` library Odoo's own formatting leaves numbers as typed."""
    digits = re.sub(r"[\s\-().]", "", phone or "")
    match = NO_NUMBER.match(digits)
    if match:
        return "+47" + match.group(1)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if re.fullmatch(r"\+\d{7,15}", digits):
        return digits
    return False


class AktiveVolunteerMessage(models.Model):
    """One SMS or e-mail to a volunteer: a request for help, a reminder, a "how is it
    going?". Messages wait in a queue, so that the rules of consent and quiet hold whoever
    writes one: the channel the volunteer chose (or nothing), no message at night, at most
    one a day (what comes up the same day goes out together), in the volunteer's language.
    Each message is kept and listed on the volunteer's card. Sent through Odoo's own SMS
    layer (the company's provider: Odoo's service, or the Community sms_twilio account) and
    Odoo's mail queue."""

    _name = "aktive.volunteer.message"
    _description = "Message to a volunteer"
    _inherit = ["aktive.input.guard"]
    _order = "date_planned desc, id desc"
    _rec_name = "kind"
    _input_limits = {"body": 2000}

    partner_id = fields.Many2one(
        "res.partner", string="Volunteer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(KINDS, required=True, readonly=True)
    channel = fields.Selection(CHANNELS, required=True, readonly=True)
    body = fields.Text(string="Text", required=True, readonly=True)
    state = fields.Selection(STATES, default="queued", required=True, readonly=True, index=True)
    date_planned = fields.Datetime(
        string="To send", required=True, index=True, readonly=True, default=fields.Datetime.now
    )
    date_sent = fields.Datetime(string="Sent", readonly=True)
    failure = fields.Selection(FAILURES, string="Why not sent", readonly=True)
    digest_id = fields.Many2one(
        "aktive.volunteer.message",
        string="Sent with",
        readonly=True,
        ondelete="set null",
        help="Messages of the same day go out as one.",
    )
    request_id = fields.Many2one("aktive.volunteer.request", readonly=True, ondelete="cascade")
    # What the reminders remember, so that one event gives one reminder.
    member_id = fields.Many2one("aktive.network.member", readonly=True, ondelete="set null")
    followup_id = fields.Many2one("aktive.followup", readonly=True, ondelete="set null")
    checkin_answer = fields.Selection(CHECKIN_ANSWERS, readonly=True)
    date_answered = fields.Datetime(readonly=True)
    # The key of the answer page's link (/my/aktive/answer/<token>): the volunteer answers
    # from the SMS without logging in, and reads nothing but the question.
    access_token = fields.Char(
        default=lambda self: secrets.token_urlsafe(24),
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_system",
    )

    _access_token_uniq = models.Constraint("UNIQUE(access_token)", "The link must be unique.")

    # ------------------------------------------------------------------ queueing
    @api.model
    def _aktive_lang(self, partner):
        """The volunteer's language, bokmål when none is set (or it is not installed)."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        for lang in (partner.lang, "nb_NO"):
            if lang in installed:
                return lang
        return "en_US"

    @api.model
    def _aktive_allowed_time(self, company, when=None):
        """`when` (now by default), or the end of the night if it falls in the quiet hours,
        as a naive UTC datetime."""
        when = when or fields.Datetime.now()
        tz = pytz.timezone(company.partner_id.tz or DEFAULT_TZ)
        local = pytz.utc.localize(when).astimezone(tz)
        if QUIET_END <= local.time() < QUIET_START:
            return when
        day = local.date() if local.time() < QUIET_END else local.date() + timedelta(days=1)
        morning = tz.localize(datetime.combine(day, QUIET_END))
        return morning.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _aktive_queue(self, partner, kind, texts, **values):
        """Queue one message for `partner` (a volunteer card): see _aktive_queue_values.
        Returns the message, or an empty recordset when the volunteer chose nothing."""
        vals = self._aktive_queue_values(partner, kind, texts, **values)
        return self.create([vals]) if vals else self.browse()

    @api.model
    def _aktive_queue_values(self, partner, kind, texts, **values):
        """The values of a message for `partner`, or None when the volunteer chose to get
        nothing. `texts(env)` writes the text in the env's language (the volunteer's).
        Callers with many messages create them in one go (the daily reminders)."""
        channel = partner.aktive_message_channel or "sms"
        if channel == "none":
            return None
        company = values.pop("company", None) or partner.company_id or self.env.company
        env = self.with_context(lang=self._aktive_lang(partner)).env
        return {
            "partner_id": partner.id,
            "company_id": company.id,
            "kind": kind,
            "channel": channel,
            "body": texts(env),
            "date_planned": self._aktive_allowed_time(company),
            **values,
        }

    # ------------------------------------------------------------------ sending
    @api.model
    def _cron_send(self):
        """Every quarter of an hour: what is due goes out, one message per volunteer a day."""
        due = self.search(
            [("state", "=", "queued"), ("date_planned", "<=", fields.Datetime.now())],
            order="date_planned, id",
            limit=5000,
        )
        due._aktive_send()
        return due

    def _aktive_send(self):
        """Send these queued messages now, where the rules allow: not at night, and not to a
        volunteer who got one today (those wait for tomorrow morning). Messages of one
        volunteer go out as one text. The writes are grouped, the SMS go in one batch
        through Odoo's SMS layer and the e-mails in one create: the queries do not grow with
        the number of messages (but for Odoo's mail.message, one per e-mail)."""
        queued = self.filtered(lambda m: m.state == "queued")
        if not queued:
            return
        now = fields.Datetime.now()
        sent_today = self._aktive_sent_today(queued.partner_id)
        sms_values, mails = [], []
        later = {}  # date to send -> messages
        failed = {}  # reason -> messages
        carriers, digests = self.browse(), []
        queued.partner_id.fetch(["phone", "email", "lang", "company_id"])
        for (partner, company), messages in queued.grouped(
            lambda m: (m.partner_id, m.company_id)
        ).items():
            allowed = self._aktive_allowed_time(company, now)
            if allowed > now:
                later.setdefault(allowed, []).extend(messages.ids)
                continue
            if partner.id in sent_today:
                tomorrow = self._aktive_next_morning(company, now)
                later.setdefault(tomorrow, []).extend(messages.ids)
                continue
            carrier = messages[0]
            body = "\n\n".join(messages.mapped("body"))
            if carrier.channel == "sms":
                number = sms_number(partner.phone)
                if not number:
                    failed.setdefault("no_number", []).extend(messages.ids)
                    continue
                sms_values.append({"number": number, "body": body, "partner_id": partner.id})
            else:
                if not partner.email:
                    failed.setdefault("no_email", []).extend(messages.ids)
                    continue
                mails.append(carrier._aktive_mail_values(body))
            carriers |= carrier
            digests += [(rest.id, carrier.id) for rest in messages[1:]]
        for when, ids in later.items():
            self.browse(ids).write({"date_planned": when})
        for reason, ids in failed.items():
            self.browse(ids).write({"state": "failed", "failure": reason})
        carriers.write({"state": "sent", "date_sent": now})
        if digests:
            self.browse([rest for rest, _carrier in digests]).write(
                {"state": "merged", "date_sent": now}
            )
            self._aktive_write_digests(digests)
        if sms_values:
            # sudo: sms.sms is the SMS layer's queue, for system users only; the texts were
            # written by this addon for these volunteers.
            self.env["sms.sms"].sudo().create(sms_values).send()
        if mails:
            # sudo: as above, Odoo's outgoing mail queue.
            self.env["mail.mail"].sudo().create(mails)

    def _aktive_write_digests(self, pairs):
        """digest_id of the messages sent with another, in one statement."""
        self.flush_model(["digest_id"])
        self.env.cr.execute(
            SQL(
                """UPDATE aktive_volunteer_message m SET digest_id = v.carrier
                     FROM (VALUES %s) AS v(id, carrier) WHERE m.id = v.id""",
                SQL(", ").join(SQL("(%s, %s)", rest, carrier) for rest, carrier in pairs),
            )
        )
        self.browse([rest for rest, _carrier in pairs]).invalidate_recordset(["digest_id"])

    def _aktive_mail_values(self, body):
        env = self.with_context(lang=self._aktive_lang(self.partner_id)).env
        paragraphs = Markup("").join(
            Markup("<p>%s</p>") % escape(part).replace("\n", Markup("<br/>"))
            for part in body.split("\n\n")
        )
        return {
            "subject": env._("From %(centre)s", centre=self.company_id.name),
            "body_html": paragraphs,
            "email_to": self.partner_id.email_formatted,
            "email_from": self.company_id.email_formatted or self.env.user.email_formatted,
            "auto_delete": False,
        }

    @api.model
    def _aktive_sent_today(self, partners):
        """Ids of `partners` who got a message since the start of their company's day."""
        if not partners:
            return set()
        today_start = self._aktive_day_start(self.env.company)
        groups = self._read_group(
            [
                ("partner_id", "in", partners.ids),
                ("state", "=", "sent"),
                ("date_sent", ">=", today_start),
            ],
            ["partner_id"],
        )
        return {partner.id for (partner,) in groups}

    @api.model
    def _aktive_day_start(self, company, when=None):
        when = when or fields.Datetime.now()
        tz = pytz.timezone(company.partner_id.tz or DEFAULT_TZ)
        local = pytz.utc.localize(when).astimezone(tz)
        start = tz.localize(datetime.combine(local.date(), time(0, 0)))
        return start.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _aktive_next_morning(self, company, when):
        tz = pytz.timezone(company.partner_id.tz or DEFAULT_TZ)
        local = pytz.utc.localize(when).astimezone(tz)
        morning = tz.localize(datetime.combine(local.date() + timedelta(days=1), QUIET_END))
        return morning.astimezone(pytz.utc).replace(tzinfo=None)

    # ------------------------------------------------------------------ answers
    def _aktive_answer_checkin(self, answer):
        """The volunteer's answer to "how is it going?": a contact with the coordinator, as
        if they had called; "I would like to talk" or "I need a break" gives the coordinator
        a to-do. Runs as superuser from the token-checked page (controllers/)."""
        self.ensure_one()
        self.write({"checkin_answer": answer, "date_answered": fields.Datetime.now()})
        label = dict(self._fields["checkin_answer"]._description_selection(self.env))[answer]
        self.env["aktive.volunteer.contact"].create(
            {
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "kind": "message",
                "note": label,
            }
        )
        if answer != "fine":
            coordinator = self.partner_id._aktive_coordinator()
            lang = self.partner_id._aktive_text_lang(coordinator)
            env = self.with_context(lang=lang).env
            summary = dict(self._fields["checkin_answer"]._description_selection(env))[answer]
            self.partner_id.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                user_id=coordinator.id,
            )
