"""The case tells its people of a change (models/aktive_notice.py): a pause and its date, the
case resumed or closed, a new coordinator or municipal contact person.

Caught in write, whatever path made the change (the pause and close dialogs, the board, the
end-of-pause call, data import), and told after it is saved, in one batch for all records."""

from odoo import fields
from odoo import models

from .aktive_groups import CASE_WORKERS

WATCHED = ("state", "paused_until", "coordinator_id", "municipal_contact_id")


class AktiveParticipant(models.Model):
    _inherit = "aktive.participant"

    notice_ids = fields.One2many(
        "aktive.notice", "participant_id", string="Notices", groups=CASE_WORKERS, readonly=True
    )
    notice_count = fields.Integer(
        string="Number of notices", compute="_compute_notice_count", groups=CASE_WORKERS
    )

    def _compute_notice_count(self):
        counts = dict(
            self.env["aktive.notice"]._read_group(
                [("participant_id", "in", self.ids)], ["participant_id"], ["__count"]
            )
        )
        for participant in self:
            participant.notice_count = counts.get(participant, 0)

    def _anonymise(self):
        """Retention: what the case's people were told names the person - it goes too
        (as superuser: the notices are the system's, models/aktive_notice.py)."""
        self.sudo().with_context(active_test=False).notice_ids.unlink()
        return super()._anonymise()

    def write(self, vals):
        if not any(name in vals for name in WATCHED):
            return super().write(vals)
        before = {
            participant.id: (
                participant.state,
                participant.paused_until,
                participant.coordinator_id,
                participant.municipal_contact_id,
            )
            for participant in self
        }
        result = super().write(vals)
        self._aktive_tell_changes(before)
        return result

    def _aktive_volunteers_to_tell(self):
        """The volunteers on the case now (their active assignments).
        sudo: who is told does not depend on who acts (a municipal contact person who
        changes the contact reads the network, not every volunteer's card)."""
        members = self.sudo().network_member_ids.filtered("active")
        return members.filtered(lambda m: m._needs_declaration()).partner_id

    def _aktive_tell_changes(self, before):
        Notice = self.env["aktive.notice"]
        today = fields.Date.context_today(self)
        batch = []
        closed = self.browse()
        for participant in self:
            state, until, coordinator, contact = before[participant.id]
            volunteers = participant._aktive_volunteers_to_tell()
            staff = participant.sudo().coordinator_id.partner_id | participant.municipal_contact_id
            name = participant.name
            if participant.state != state and participant.state == "closed":
                closed |= participant
            elif participant.state == "paused" and (
                state != "paused" or participant.paused_until != until
            ):
                end = participant.paused_until

                def text(env, name=name, end=end):
                    return env._(
                        "Pause for %(person)s until %(date)s: no visits or activities until then.",
                        person=name,
                        date=Notice._aktive_long_date(env, end),
                    )

                batch += [(participant, p, "pause", end, text) for p in volunteers | staff]
            elif participant.state == "active" and state == "paused":

                def text(env, name=name):
                    return env._(
                        "%(person)s is active again from %(date)s: visits and activities can "
                        "start again.",
                        person=name,
                        date=Notice._aktive_long_date(env, today),
                    )

                batch += [(participant, p, "resume", today, text) for p in volunteers | staff]
            new_coordinator = participant.sudo().coordinator_id
            if new_coordinator and new_coordinator != coordinator:
                coordinator_name = new_coordinator.name

                def text(env, name=name, who=coordinator_name):
                    return env._(
                        "%(person)s has a new coordinator from %(date)s: %(name)s.",
                        person=name,
                        date=Notice._aktive_long_date(env, today),
                        name=who,
                    )

                told = volunteers | participant.municipal_contact_id | new_coordinator.partner_id
                batch += [(participant, p, "coordinator", today, text) for p in told]
            new_contact = participant.municipal_contact_id
            if new_contact and new_contact != contact:
                contact_name = new_contact.sudo().name

                def text(env, name=name, who=contact_name):
                    return env._(
                        "%(person)s has a new contact person in the municipality from "
                        "%(date)s: %(name)s.",
                        person=name,
                        date=Notice._aktive_long_date(env, today),
                        name=who,
                    )

                told = volunteers | participant.sudo().coordinator_id.partner_id | new_contact
                batch += [(participant, p, "municipal_contact", today, text) for p in told]
        if closed:
            # Ends the volunteers' assignments (each is thanked) and the open to-dos first:
            # the notices to the case workers below are the activities that stay.
            closed._aktive_close_assignments()
            for participant in closed:
                name = participant.name

                def text(env, name=name):
                    return env._(
                        "The case of %(person)s was closed on %(date)s.",
                        person=name,
                        date=Notice._aktive_long_date(env, today),
                    )

                staff = participant.sudo().coordinator_id.partner_id
                staff |= participant.municipal_contact_id
                batch += [(participant, p, "close", today, text) for p in staff]
        Notice._aktive_tell(batch)
