from collections import defaultdict

from odoo import models

# Context key: partners the system itself notifies of a case record's note though no user of
# theirs may write it (a volunteer's worry to a contact person outside the database, by mail).
# Honoured for the superuser only, so that no request can pass it.
NOTIFY_BY_MAIL = "aktive_notify_by_mail"


class MailThread(models.AbstractModel):
    """The case records' log is the case workers' (their internal notes, their activities):
    a note reaches nobody who may not write the record - no follower, no mention."""

    _inherit = "mail.thread"

    def _aktive_is_case_thread(self):
        return isinstance(self, self.pool["aktive.case.privacy"])

    def _aktive_writers_by_record(self, partner_ids):
        """{record id: partner ids among `partner_ids` with a user who may write it}."""
        allowed = defaultdict(set)
        partners = self.env["res.partner"].sudo().browse(partner_ids)
        for partner in partners:
            for user in partner.user_ids:
                for record in self.with_user(user)._filtered_access("write"):
                    allowed[record.id].add(partner.id)
        return allowed

    def _aktive_note_recipients(self, partner_ids):
        writers = self._aktive_writers_by_record(partner_ids)
        return [pid for pid in partner_ids if all(pid in writers[rid] for rid in self.ids)]

    def message_post(self, **kwargs):
        if (
            self._aktive_is_case_thread()
            and kwargs.get("partner_ids")
            and self._aktive_is_note(kwargs)
        ):
            kwargs["partner_ids"] = self._aktive_note_recipients(list(kwargs["partner_ids"]))
        return super().message_post(**kwargs)

    def _aktive_is_note(self, post_kwargs):
        """Whether message_post(**post_kwargs) makes an internal note (its default subtype)."""
        if post_kwargs.get("is_internal"):
            return True
        if post_kwargs.get("subtype_id"):
            return (
                self.env["mail.message.subtype"].sudo().browse(post_kwargs["subtype_id"]).internal
            )
        xmlid = post_kwargs.get("subtype_xmlid") or "mail.mt_note"
        subtype = self.env.ref(xmlid, raise_if_not_found=False)
        return bool(subtype and subtype.sudo().internal)

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals=msg_vals, **kwargs)
        if not (recipients and self._aktive_is_case_thread()):
            return recipients
        subtype_id = (msg_vals or {}).get("subtype_id") or message.subtype_id.id
        subtype = self.env["mail.message.subtype"].sudo().browse(subtype_id)
        if not (message.is_internal or subtype.internal or not subtype):
            return recipients
        allowed = set(self._aktive_note_recipients([r["id"] for r in recipients]))
        if self.env.su:
            allowed |= set(self.env.context.get(NOTIFY_BY_MAIL, ()))
        return [r for r in recipients if r["id"] in allowed]
