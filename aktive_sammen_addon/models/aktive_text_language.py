"""The language of the texts the addon stores.

A chatter message, an activity summary or a default text is written once and read for
years by everyone on the case, whatever language the database was installed in or the
acting user (or a cron's superuser) speaks. So the addon writes such a text in the
language of the municipality that keeps the record - its company's partner language - or,
for a text addressed to one user (an activity), in that user's language.
"""

from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _aktive_text_lang(self, user=None):
        """The language to store a text in for these records: `user`'s language when the
        text is addressed to that user (an activity's summary), else the language of the
        records' company (the current company when they have none, or for new records)."""
        if user and user.sudo().lang:
            return user.sudo().lang
        company = self.env.company
        if "company_id" in self._fields and len(self.company_id) == 1:
            company = self.company_id
        # sudo: the company's contact card is not everyone's to read (portal volunteers).
        return company.sudo().partner_id.lang or self.env.lang or "en_US"

    def _aktive_in_text_lang(self, user=None):
        """These records in the language their stored texts are written in: write
        ``records._aktive_in_text_lang().env._("...")`` for such a text."""
        return self.with_context(lang=self._aktive_text_lang(user))

    def _creation_message(self):
        """The creation message ("Participant created"...) in the company's language."""
        if self._name.startswith("aktive."):
            return super(MailThread, self._aktive_in_text_lang())._creation_message()
        return super()._creation_message()

    def _message_track(self, fields_iter, initial_values_dict):
        """A tracked change stores the labels of the values it shows (a state, a step's
        name): in the company's language too."""
        if self._name.startswith("aktive."):
            records = self._aktive_in_text_lang()
            return super(MailThread, records)._message_track(fields_iter, initial_values_dict)
        return super()._message_track(fields_iter, initial_values_dict)
