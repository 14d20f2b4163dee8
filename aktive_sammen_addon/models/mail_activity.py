"""A case worker's notice (models/aktive_notice.py) is an activity on the case: marking it
done is reading it, so the case form shows it as seen."""

from odoo import fields
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        # sudo: the notice behind the user's own activity, marked seen by the system.
        notices = (
            self.env["aktive.notice"]
            .sudo()
            .search([("activity_id", "in", self.ids), ("date_seen", "=", False)])
        )
        notices.write({"date_seen": fields.Datetime.now()})
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
