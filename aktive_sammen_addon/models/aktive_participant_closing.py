"""Closing a case ends what it set going, the same day: the volunteers' assignments end (they
lose access to the person's page at once, and each gets a thank-you notice that stays
readable: models/aktive_network_member_notice.py), and the open to-dos of the case are
cancelled. The case log says so."""

from markupsafe import Markup
from markupsafe import escape
from odoo import fields
from odoo import models


class AktiveParticipant(models.Model):
    _inherit = "aktive.participant"

    def _aktive_close_assignments(self):
        today = fields.Date.context_today(self)
        for participant in self:
            members = participant.network_member_ids.filtered(
                lambda m: m.active and m._needs_declaration()
            )
            # As the user who closes (a coordinator: the case's state is theirs to change).
            # An assignment that was to start later ends on its first day.
            for member in members:
                end = max(today, member.date_start or today)
                member.write({"active": False, "date_end": end})
            # sudo: every open to-do of the case is cancelled, whoever it was given to (the
            # municipal contact person's too); the case log keeps what they were.
            activities = participant.sudo().activity_ids
            todos = [a.summary or a.activity_type_id.name or "" for a in activities]
            activities.unlink()
            env = participant._aktive_in_text_lang().env
            lines = [env._("The case is closed.")]
            if members:
                lines.append(
                    env._(
                        "The assignments of %(names)s ended today; each was thanked.",
                        names=", ".join(members.partner_id.mapped("name")),
                    )
                )
            if todos:
                lines.append(
                    env._(
                        "Open to-dos cancelled: %(todos)s",
                        todos="; ".join(filter(None, todos)) or len(todos),
                    )
                )
            participant.message_post(
                body=Markup("<br/>").join(escape(line) for line in lines),
                subtype_xmlid="mail.mt_note",
            )
