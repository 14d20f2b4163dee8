import secrets

from dateutil.relativedelta import relativedelta
from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL
from odoo.tools.misc import format_date

# A renewal is announced this many days before the date.
RENEWAL_NOTICE_DAYS = 30


class AktiveVolunteerReminders(models.AbstractModel):
    """The daily reminders to volunteers, by SMS or e-mail (aktive.volunteer.message):
    no visit logged with a person for the company's number of days, a follow-up
    conversation they take part in tomorrow, a declaration or police certificate to renew,
    and the coordinator's regular "how is it going?". Each finds its volunteers in one
    query, whatever the number of volunteers, and remembers what it sent so that one event
    gives one reminder. Volunteers who chose "nothing" are left out in the query."""

    _name = "aktive.volunteer.reminders"
    _description = "Reminders to volunteers"

    @api.model
    def _cron_remind(self):
        today = fields.Date.context_today(self)
        Message = self.env["aktive.volunteer.message"]
        messages = Message
        messages |= self._remind_visits(today)
        messages |= self._remind_followups(today)
        messages |= self._remind_renewals(today)
        messages |= self._remind_checkins(today)
        messages._aktive_send()
        return messages

    # ------------------------------------------------------------------ helpers
    def _queue(self, rows, kind, texts, **links):
        """Queue one message per row, in one create: (partner id, company id, *args) ->
        texts(env, *args); `links` name the args stored on the message (member_id=0)."""
        Message = self.env["aktive.volunteer.message"]
        partners = self.env["res.partner"].browse([row[0] for row in rows])
        partners.fetch(["lang", "aktive_message_channel", "company_id"])
        companies = self.env["res.company"].browse({row[1] for row in rows})
        companies.partner_id.fetch(["tz"])
        vals_list = []
        for partner_id, company_id, *args in rows:
            vals = Message._aktive_queue_values(
                partners.browse(partner_id),
                kind,
                lambda env, args=args: texts(env, *args),
                company=companies.browse(company_id),
                **{name: args[index] for name, index in links.items()},
            )
            if vals:
                vals_list.append(vals)
        return Message.create(vals_list)

    def _url(self, path):
        return self.get_base_url() + path

    # ------------------------------------------------------------------ visits
    def _remind_visits(self, today):
        """Active assignments in active cases without a visit logged by the volunteer for
        the company's number of days (counted from the assignment's start), once per such
        period."""
        self.env["aktive.contact.log"].flush_model()
        self.env["aktive.volunteer.message"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT m.partner_id, p.company_id, m.id, p.id, c.aktive_visit_reminder_days
                  FROM aktive_network_member m
                  JOIN aktive_participant p ON p.id = m.participant_id
                  JOIN res_company c ON c.id = p.company_id
                  JOIN res_partner v ON v.id = m.partner_id
                  JOIN res_users u ON u.partner_id = v.id AND u.active
                 WHERE m.active AND m.member_kind = 'volunteer'
                   AND p.active AND p.state = 'active'
                   AND c.aktive_visit_reminder_days > 0
                   AND COALESCE(v.aktive_message_channel, 'sms') != 'none'
                   AND (m.date_end IS NULL OR m.date_end >= %(today)s)
                   AND COALESCE(m.date_start, m.create_date::date)
                       <= %(today)s - c.aktive_visit_reminder_days
                   AND NOT EXISTS (
                        SELECT 1 FROM aktive_contact_log l
                         WHERE l.participant_id = p.id AND l.user_id = u.id
                           AND l.date > %(today)s - c.aktive_visit_reminder_days)
                   AND NOT EXISTS (
                        SELECT 1 FROM aktive_volunteer_message s
                         WHERE s.member_id = m.id AND s.kind = 'visit'
                           AND s.create_date::date > %(today)s - c.aktive_visit_reminder_days)
                """,
                today=today,
            )
        )
        rows = self.env.cr.fetchall()
        # sudo: the volunteer's own person (an active assignment): the first name only.
        people = self.env["aktive.participant"].sudo().browse([row[3] for row in rows])
        people.fetch(["name"])

        def texts(env, member_id, participant_id, days):
            person = people.browse(participant_id)
            return env._(
                "It is %(days)s days since you logged a visit with %(person)s. All well? "
                "Log it here: %(url)s",
                days=days,
                person=(person.name or "").split(" ")[0],
                url=self._url(f"/my/aktive/person/{participant_id}"),
            )

        return self._queue(rows, "visit", texts, member_id=0)

    # ------------------------------------------------------------------ follow-ups
    def _remind_followups(self, today):
        """A follow-up conversation planned for tomorrow with a volunteer."""
        tomorrow = today + relativedelta(days=1)
        self.env["aktive.followup"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT f.partner_id, f.company_id, f.id, f.participant_id
                  FROM aktive_followup f
                  JOIN res_partner v ON v.id = f.partner_id
                 WHERE f.state = 'planned' AND f.date_planned = %(tomorrow)s
                   AND v.is_aktive_volunteer AND v.active
                   AND COALESCE(v.aktive_message_channel, 'sms') != 'none'
                   AND NOT EXISTS (SELECT 1 FROM aktive_volunteer_message s
                                    WHERE s.followup_id = f.id AND s.kind = 'followup')
                """,
                tomorrow=tomorrow,
            )
        )
        rows = self.env.cr.fetchall()
        # sudo: the coordinator of a conversation the volunteer takes part in, and the
        # person's first name, as on the volunteer's own pages. Read for all at once.
        followups = self.env["aktive.followup"].sudo().browse([row[2] for row in rows])
        followups.fetch(["participant_id", "user_id", "company_id"])
        followups.participant_id.fetch(["name"])
        followups.user_id.fetch(["name"])

        def texts(env, followup_id, participant_id):
            followup = followups.browse(followup_id)
            return env._(
                "Reminder: the follow-up conversation about %(person)s is tomorrow. "
                "%(coordinator)s will get in touch.",
                person=(followup.participant_id.name or "").split(" ")[0],
                coordinator=followup.user_id.name or followup.company_id.name,
            )

        return self._queue(rows, "followup", texts, followup_id=0)

    # ------------------------------------------------------------------ renewals
    def _remind_renewals(self, today):
        """A declaration or police certificate whose renewal date (signed + the company's
        months) comes within RENEWAL_NOTICE_DAYS, once per renewal."""
        messages = self.env["aktive.volunteer.message"]
        for kind, column, months in (
            ("declaration", "aktive_confidentiality_date", "aktive_declaration_renew_months"),
            ("police", "aktive_police_certificate_date", "aktive_police_renew_months"),
        ):
            self.env["res.partner"].flush_model([column])
            self.env.cr.execute(
                SQL(
                    """
                    SELECT v.id, c.id, (v.%(column)s + make_interval(months => c.%(months)s))::date
                      FROM res_partner v
                      JOIN res_company c ON c.id = COALESCE(v.company_id, %(company)s)
                     WHERE v.is_aktive_volunteer AND v.active
                       AND v.aktive_volunteer_state = 'active'
                       AND c.%(months)s > 0 AND v.%(column)s IS NOT NULL
                       AND COALESCE(v.aktive_message_channel, 'sms') != 'none'
                       AND (v.%(column)s + make_interval(months => c.%(months)s))::date
                           <= %(horizon)s
                       AND NOT EXISTS (
                            SELECT 1 FROM aktive_volunteer_message s
                             WHERE s.partner_id = v.id AND s.kind = %(kind)s
                               AND s.create_date::date >= v.%(column)s)
                    """,
                    column=SQL.identifier(column),
                    months=SQL.identifier(months),
                    company=self.env.company.id,
                    horizon=today + relativedelta(days=RENEWAL_NOTICE_DAYS),
                    kind=kind,
                )
            )
            rows = [(partner, company, due) for partner, company, due in self.env.cr.fetchall()]

            def texts(env, due, kind=kind):
                what = (
                    env._("your confidentiality declaration")
                    if kind == "declaration"
                    else env._("your police certificate")
                )
                return env._(
                    "Time to renew %(what)s by %(date)s. Talk to your coordinator.",
                    what=what,
                    date=format_date(env, due),
                )

            messages |= self._queue(rows, kind, texts)
        return messages

    # ------------------------------------------------------------------ check-ins
    def _remind_checkins(self, today):
        """The coordinator's regular contact with each volunteer (the ~2-month cadence):
        a short "how is it going?" they answer from the phone, once per due date."""
        self.env["res.partner"].flush_model(["aktive_next_contact_date"])
        self.env.cr.execute(
            SQL(
                """
                SELECT v.id, COALESCE(v.company_id, %(company)s)
                  FROM res_partner v
                 WHERE v.is_aktive_volunteer AND v.active
                   AND v.aktive_volunteer_state = 'active'
                   AND v.aktive_next_contact_date <= %(today)s
                   AND COALESCE(v.aktive_message_channel, 'sms') != 'none'
                   AND NOT EXISTS (
                        SELECT 1 FROM aktive_volunteer_message s
                         WHERE s.partner_id = v.id AND s.kind = 'checkin'
                           AND s.create_date::date >= v.aktive_next_contact_date)
                """,
                company=self.env.company.id,
                today=today,
            )
        )
        # The answer link's key, known before the message exists: no second write.
        rows = [(*row, secrets.token_urlsafe(24)) for row in self.env.cr.fetchall()]
        return self._queue(
            rows,
            "checkin",
            lambda env, token: env._(
                "How is it going as a volunteer? Answer with one tap: %(url)s",
                url=self._url(f"/my/aktive/answer/{token}"),
            ),
            access_token=0,
        )
