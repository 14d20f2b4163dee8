from odoo import Command
from odoo import models

from ..models.aktive_participant_contact_form import SEND_KEY


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail(self, auto_commit=False):
        """For "Send to municipality", the contact form version is archived and attached only
        now, when the mail really goes - in the language the mail is written in."""
        if self.env.context.get(SEND_KEY):
            for wizard in self.filtered(lambda w: w.model == "aktive.participant"):
                # One case per mail: the PDF of one person never goes with another's mail.
                participant = self.env["aktive.participant"].browse(wizard._evaluate_res_ids())
                version = participant._archive_contact_form(lang=wizard.lang)
                wizard.attachment_ids = [Command.link(version.attachment_id.id)]
                if version.log_attachment_id:
                    # The contact log since the last version, its own file for the archive.
                    wizard.attachment_ids = [Command.link(version.log_attachment_id.id)]
        return super()._action_send_mail(auto_commit=auto_commit)
