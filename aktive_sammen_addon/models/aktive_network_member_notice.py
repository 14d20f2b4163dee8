"""A network member joins or leaves: the volunteers on the case are told
(models/aktive_notice.py), and so is the member: welcome to the network, or thank you when
the assignment ends - also when it ends because the case was closed. The thank-you stays
readable to them after their access to the case has ended."""

from odoo import api
from odoo import fields
from odoo import models


class AktiveNetworkMember(models.Model):
    _inherit = "aktive.network.member"

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members.filtered("active")._aktive_tell_joined()
        return members

    def write(self, vals):
        ending = self.browse()
        if "active" in vals and not vals["active"]:
            ending = self.filtered("active")
        result = super().write(vals)
        ending._aktive_tell_left()
        return result

    def _aktive_tell_joined(self):
        Notice = self.env["aktive.notice"]
        today = fields.Date.context_today(self)
        batch = []
        # sudo: who is told does not depend on who acts.
        for member in self.sudo():
            participant = member.participant_id
            if participant.state == "closed":
                continue
            person, who = participant.name, member.partner_id.name
            start = max(member.date_start or today, today)
            if member._needs_declaration():

                def welcome(env, person=person, start=start):
                    return env._(
                        "You are now in the network of %(person)s, from %(date)s.",
                        person=person,
                        date=Notice._aktive_long_date(env, start),
                    )

                batch.append((participant, member.partner_id, "member_new", start, welcome))

            def joined(env, person=person, who=who, start=start):
                return env._(
                    "%(member)s joined the network of %(person)s on %(date)s.",
                    member=who,
                    person=person,
                    date=Notice._aktive_long_date(env, start),
                )

            others = participant._aktive_volunteers_to_tell() - member.partner_id
            batch += [(participant, p, "member_new", start, joined) for p in others]
        Notice._aktive_tell(batch)

    def _aktive_tell_left(self):
        Notice = self.env["aktive.notice"]
        today = fields.Date.context_today(self)
        batch = []
        for member in self.sudo():
            participant = member.participant_id
            person, who = participant.name, member.partner_id.name
            end = member.date_end or today
            if member._needs_declaration():
                if participant.state == "closed":

                    def thanks(env, person=person, end=end):
                        return env._(
                            "The case of %(person)s was closed on %(date)s, and your assignment "
                            "ended the same day. Thank you for all you have done!",
                            person=person,
                            date=Notice._aktive_long_date(env, end),
                        )

                else:

                    def thanks(env, person=person, end=end):
                        return env._(
                            "Your assignment with %(person)s ended on %(date)s. Thank you for "
                            "all you have done!",
                            person=person,
                            date=Notice._aktive_long_date(env, end),
                        )

                batch.append((participant, member.partner_id, "thanks", end, thanks))
            if participant.state == "closed":
                continue

            def left(env, person=person, who=who, end=end):
                return env._(
                    "%(member)s left the network of %(person)s on %(date)s.",
                    member=who,
                    person=person,
                    date=Notice._aktive_long_date(env, end),
                )

            others = participant._aktive_volunteers_to_tell() - member.partner_id
            batch += [(participant, p, "member_end", end, left) for p in others]
        Notice._aktive_tell(batch)
