"""The parties inform each other (the method: "informerer hverandre når slike endringer
oppstår"; "Frivillige skal til enhver tid vite hvem i kommunen som kan kontaktes").

A change on a case that the others must know of - a pause and its date, the case resumed or
closed, a network member who joins or leaves, a new municipal contact person or coordinator,
an agreed wish changed - becomes one notice per person to tell, in that person's language:

- a volunteer reads it on /my and acknowledges it with one tap, and gets it by e-mail when
  they have an address;
- a case worker (coordinator, municipal contact person) gets it as an activity on the case,
  done when read; a contact person without a user of this database gets the e-mail.

A notice stores its text, not a live link to the case: a volunteer whose assignment ended
(the thank-you when a case closes) still reads it, and reads nothing else. The text says who,
what changed, the date and whom to call - never health information, the life story, the
referral, the consent or a closing reason."""

from markupsafe import Markup
from markupsafe import escape
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.tools import format_date

from .aktive_groups import CASE_WORKERS

NOTICE_KINDS = [
    ("pause", "Paused"),
    ("resume", "Resumed"),
    ("close", "Closed"),
    ("thanks", "Assignment ended"),
    ("member_new", "Joined the network"),
    ("member_end", "Left the network"),
    ("municipal_contact", "New municipal contact person"),
    ("coordinator", "New coordinator"),
    ("wish", "Agreed wish changed"),
]
# Kinds a volunteer keeps reading after their assignment ended: the notice is about its end.
KEPT_KINDS = ("thanks",)


class AktiveNotice(models.Model):
    """One change on a case, told to one person, in their language."""

    _name = "aktive.notice"
    _description = "Notice of a change on a case"
    _order = "create_date desc, id desc"
    _rec_name = "kind"

    participant_id = fields.Many2one(
        "aktive.participant", required=True, index=True, ondelete="cascade", readonly=True
    )
    # Stored as it was told: the volunteer reads it without reading the case.
    participant_name = fields.Char(string="About", readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Told to",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    kind = fields.Selection(NOTICE_KINDS, required=True, readonly=True)
    text = fields.Text(readonly=True, help="What the person was told, in their language.")
    date = fields.Date(
        string="Date of the change", readonly=True, help="The pause's end for a pause."
    )
    channel = fields.Selection(
        [
            ("portal", "Volunteers' pages"),
            ("activity", "Activity"),
            ("mail", "E-mail only"),
            ("none", "Not reached: call them"),
        ],
        readonly=True,
    )
    sent_by_mail = fields.Boolean(string="E-mail sent", readonly=True)
    keep_after_end = fields.Boolean(string="Kept after the assignment", readonly=True)
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")
    date_seen = fields.Datetime(string="Seen", readonly=True)

    # --- reading ------------------------------------------------------------------------------
    def write(self, vals):
        """Nobody edits what was told. The one change a user makes: marking their own notice
        seen (the portal's one tap; an activity done in the back office, as the system)."""
        if not self.env.su:
            if set(vals) != {"date_seen"} or not vals["date_seen"]:
                raise AccessError(self.env._("A notice cannot be changed, only marked as seen."))
            if any(notice.partner_id != self.env.user.partner_id for notice in self):
                raise AccessError(self.env._("Only the person told marks a notice as seen."))
        return super().write(vals)

    def action_seen(self):
        self.filtered(lambda n: not n.date_seen).write({"date_seen": fields.Datetime.now()})
        return True

    # --- telling ------------------------------------------------------------------------------
    @api.model
    def _aktive_tell(self, batch):
        """Make the notices, e-mails and activities of `batch`, a list of
        (participant, partner, kind, date, make_text) where make_text(env) returns the text in
        the language of `env`. All records are made in one create per model.

        As superuser: the notices are the system's record of who was told, made whoever acts
        (no role may create one, the access rights give none), and they go to people the
        acting user may not read (a volunteer's contact card, the coordinator's user)."""
        if not batch:
            return self.browse()
        system = self.sudo()
        actor = self.env.user.partner_id
        seen_pairs = set()
        notice_vals, mail_vals, activity_vals = [], [], []
        activity_type = self.env.ref(
            "aktive_sammen_addon.mail_activity_type_notice", raise_if_not_found=False
        )
        participant_model = self.env["ir.model"]._get_id("aktive.participant")
        for participant, partner, kind, date, make_text in batch:
            participant, partner = participant.sudo(), partner.sudo()
            key = (participant.id, partner.id, kind)
            if not partner or partner == actor or key in seen_pairs:
                continue
            seen_pairs.add(key)
            user = partner.user_ids[:1]
            staff = user and not user.share and user.has_group(CASE_WORKERS)
            lang = self._aktive_notice_lang(participant, partner, user)
            env = self.with_context(lang=lang).env
            text = make_text(env)
            if not staff:
                text = "\n".join(filter(None, (text, self._aktive_whom_to_call(env, participant))))
            channel = "activity" if staff else ("portal" if user else "mail")
            by_mail = not staff and bool(partner.email)
            if channel == "mail" and not by_mail:
                channel = "none"  # no user, no e-mail: the case form shows whom to call
            notice_vals.append(
                {
                    "participant_id": participant.id,
                    "participant_name": participant.name,
                    "company_id": participant.company_id.id,
                    "partner_id": partner.id,
                    "kind": kind,
                    "text": text,
                    "date": date,
                    "channel": channel,
                    "sent_by_mail": by_mail,
                    "keep_after_end": kind in KEPT_KINDS,
                }
            )
            if by_mail:
                mail_vals.append(self._aktive_mail_vals(env, participant, partner, text))
            if staff and activity_type:
                activity_vals.append(
                    {
                        "res_model_id": participant_model,
                        "res_id": participant.id,
                        "activity_type_id": activity_type.id,
                        "summary": text.split("\n")[0][:120],
                        "note": escape(text),
                        "user_id": user.id,
                        "date_deadline": fields.Date.context_today(self),
                    }
                )
            else:
                activity_vals.append(None)
        notices = system.create(notice_vals)
        if mail_vals:
            self.env["mail.mail"].sudo().create(mail_vals)
        wanted = [vals for vals in activity_vals if vals]
        if wanted:
            activities = self.env["mail.activity"].sudo().create(wanted)
            staff_notices = notices.filtered(lambda n: n.channel == "activity")
            for notice, activity in zip(staff_notices, activities, strict=True):
                notice.activity_id = activity
        return notices

    @api.model
    def _aktive_notice_lang(self, participant, partner, user):
        """The person's own language; bokmål by default for a volunteer without one."""
        lang = (user and user.lang) or partner.lang
        if not lang:
            nb = self.env["res.lang"]._get_data(code="nb_NO")
            lang = nb.code if nb else participant._aktive_text_lang()
        return lang

    @api.model
    def _aktive_whom_to_call(self, env, participant):
        """Whom a volunteer calls about the change: the municipal contact person, else the
        coordinator."""
        contact = participant.municipal_contact_id or participant.coordinator_id.partner_id
        if not contact:
            return ""
        if contact.phone:
            return env._(
                "Questions? Call %(name)s, %(phone)s.", name=contact.name, phone=contact.phone
            )
        return env._("Questions? Ask %(name)s.", name=contact.name)

    @api.model
    def _aktive_mail_vals(self, env, participant, partner, text):
        base_url = participant.get_base_url()
        paragraphs = Markup("").join(
            Markup("<p>%s</p>") % line for line in text.split("\n") if line
        )
        body = (
            Markup("<p>%s</p>") % env._("Hello %(name)s,", name=partner.name)
            + paragraphs
            + Markup('<p><a href="%s/my">%s</a></p>') % (base_url, env._("Your volunteer pages"))
        )
        return {
            "subject": env._("News about %(person)s", person=participant.name),
            "body_html": body,
            "recipient_ids": [fields.Command.link(partner.id)],
            "email_from": participant.company_id.email_formatted or False,
            "auto_delete": True,
            # kept with the case (its e-mails), so that the case's retention takes it too
            "model": participant._name,
            "res_id": participant.id,
        }

    @api.model
    def _aktive_long_date(self, env, date):
        """'1. mars 2027' in bokmål, 'March 1, 2027' in English."""
        return format_date(env, date, date_format="long")
