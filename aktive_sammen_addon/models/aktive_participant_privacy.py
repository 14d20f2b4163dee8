import json
import logging

from dateutil.relativedelta import relativedelta
from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

# Marks the data access files: they hold a whole case, so they are removed after a day.
EXPORT_DESCRIPTION = "Aktive Sammen: personal data export (removed after one day)"


class AktiveParticipant(models.Model):
    """Retention and data access for a participant's personal data, kept in one file so a
    data protection officer can read them in one place."""

    _inherit = "aktive.participant"

    anonymised = fields.Boolean(readonly=True, copy=False, index=True)
    date_anonymised = fields.Date(readonly=True, copy=False)

    # --- retention ------------------------------------------------------------------------------
    @api.model
    def _cron_retention(self):
        """Closed cases past the company's retention period are anonymised (or deleted).

        The one superuser entry point of retention: it runs for every company at once and
        must reach every record of an expired case, archived ones and those no user may
        read, so no user's rules or access apply. The helpers below (_anonymise,
        _retention_delete, ...) work on the superuser records handed to them here."""
        cases = self.sudo().with_context(active_test=False)
        today = fields.Date.context_today(self)
        expired = {"anonymise": cases.browse(), "delete": cases.browse()}
        for company in cases.env["res.company"].search([]):  # pylint: disable=no-search-all
            limit = today - relativedelta(months=company.aktive_retention_months)
            action = "delete" if company.aktive_retention_action == "delete" else "anonymise"
            expired[action] |= cases.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "closed"),
                    ("date_closed", "<=", limit),
                    ("anonymised", "=", False),
                ]
            )
        done = expired["delete"]._retention_run("_retention_delete")
        done |= expired["anonymise"]._retention_run("_anonymise")
        cases._gc_personal_data_exports()
        cases.env["aktive.access.log"]._cron_retention()
        return done.with_env(self.env)

    def _retention_run(self, method):
        """Run the retention `method` (_anonymise or _retention_delete) on these cases and
        return those done. Each case succeeds or fails on its own: one case that cannot be
        anonymised must not stop retention for every other case of every company. All the
        cases go in one batch first (one search of their messages and files); only if that
        fails, case by case, each in its own savepoint. A failure is logged with the case's
        id and the kind of error - never its name or the error's text, which may quote it."""
        if not self:
            return self
        try:
            with self.env.cr.savepoint():
                getattr(self, method)()
            return self
        except Exception:  # pylint: disable=broad-except
            _logger.info("Retention: the batch of %s cases failed, retried case by case", len(self))
        done = self.browse()
        for case in self:
            try:
                with self.env.cr.savepoint():
                    getattr(case, method)()
                done |= case
            except Exception as error:  # pylint: disable=broad-except
                _logger.error(
                    "Retention (%s) failed for case id %s: %s; the case is kept for the next run.",
                    method,
                    case.id,
                    type(error).__name__,
                )
        return done

    @api.model
    def _gc_personal_data_exports(self):
        """A data access file is fetched at once; kept, it would be a copy of the case outside
        the case, beyond the reach of retention."""
        yesterday = fields.Datetime.subtract(fields.Datetime.now(), days=1)
        self.env["ir.attachment"].search(
            [("description", "=", EXPORT_DESCRIPTION), ("create_date", "<", yesterday)]
        ).unlink()

    def _retention_children(self):
        """The case's own records, ended network members included."""
        cases = self.with_context(active_test=False)
        return (
            cases.wish_ids,
            cases.followup_ids,
            cases.sensitive_note_ids,
            cases.contact_log_ids,
            cases.network_member_ids,
        )

    def _retention_drop_files(self, records):
        """Contact form versions (their PDFs hold name, address, phone, wishes) and every
        file of the case's records. Versions first: their PDF cannot go while they point
        to it. One search for all the cases and their records."""
        versions = self.contact_form_version_ids
        pdfs = versions.attachment_id
        versions.unlink()
        domain = Domain("id", "in", pdfs.ids)
        for record in (self, *records):
            domain |= Domain("res_model", "=", record._name) & Domain("res_id", "in", record.ids)
        self.env["ir.attachment"].search(domain).unlink()

    def _retention_delete(self):
        """Delete mode: the children go through the ORM, not by SQL cascade, so that their
        chatter (a note's text is tracked) and files go with them; then the person's contact
        card is scrubbed unless someone else uses it."""
        cases = self.with_context(aktive_retention=True)
        partners = cases.partner_id
        children = cases._retention_children()
        cases._retention_drop_files(children)
        for records in children:
            records.with_context(aktive_retention=True).unlink()
        cases.unlink()
        # tracking_disable: no tracking message keeps the old name and phone.
        partners.with_context(tracking_disable=True)._aktive_scrub_if_unused()

    def _anonymise(self):
        """Remove what identifies the person; keep what counts: steps, categories, roles,
        states and dates, for the annual statistics. Nothing is tracked on the way: a
        tracking value would keep the old text. Works on the superuser records of
        _cron_retention; the files and the chatter of all the cases go in one search each."""
        cases = self.with_context(tracking_disable=True)
        old_partners = cases.partner_id
        cases._retention_drop_files(cases._retention_children())
        for participant in cases:
            # What stays is read for years: in the municipality's language, not the cron's.
            env = participant._aktive_in_text_lang().env
            participant.write(
                {
                    "partner_id": self.env["res.partner"]
                    .create(
                        {
                            "name": env._("Anonymised participant"),
                            "active": False,
                            "company_id": participant.company_id.id,
                        }
                    )
                    .id,
                    "birthdate": False,
                    "life_story": False,
                    "interests": False,
                    "interest_ids": [Command.clear()],
                    "adaptations": False,
                    "referrer_id": False,
                    "municipal_contact_id": False,
                    "close_reason": env._("Anonymised after the retention period."),
                    "consent_scope": False,
                    "paused_until": False,
                    "anonymised": True,
                    "date_anonymised": fields.Date.context_today(self),
                }
            )
            wish_vals = {"name": env._("Wish"), "description": False, "agreement": False}
            dropped = participant.wish_ids.filtered(lambda w: w.state == "dropped")
            # A dropped wish keeps a reason (the wish's constraint): a neutral one.
            (participant.wish_ids - dropped).write({**wish_vals, "drop_reason": False})
            dropped.write(
                {**wish_vals, "drop_reason": env._("Anonymised after the retention period.")}
            )
        cases.sensitive_note_ids.unlink()
        cases.contact_log_ids.unlink()
        cases.network_member_ids.with_context(active_test=False).filtered(
            lambda m: m.member_kind == "own"
        ).with_context(aktive_retention=True).unlink()
        wishes, followups = cases.wish_ids, cases.followup_ids
        followups.write({"summary": False, "partner_id": False})
        self.env["mail.message"].search(
            Domain.OR(
                Domain("model", "=", records._name) & Domain("res_id", "in", records.ids)
                for records in (cases, wishes, followups)
            )
        ).unlink()
        cases.activity_ids.unlink()
        # Changes made earlier in this transaction would be tracked at commit, with their old
        # values: drop them too.
        for records in (cases, wishes, followups):
            records._track_discard()
        old_partners._aktive_scrub_if_unused()

    # --- data access request --------------------------------------------------------------------
    def action_export_personal_data(self):
        """Everything this user may see of the person, as one JSON file (data access request).
        Run by the municipal contact person, who sees the sensitive notes too, the answer is
        complete."""
        self.ensure_one()
        if not self.env.user.has_group("aktive_sammen_addon.group_aktive_coordinator") and not (
            self.env.user.has_group("aktive_sammen_addon.group_aktive_municipal")
        ):
            raise UserError(self.env._("Only case workers can export a participant's data."))
        # One "export" line says it all: the notes, the life story and the date of birth
        # it reads are not logged again.
        with self.env["aktive.access.log"]._muted("sensitive", "open"):
            data = self._personal_data()
        self.env["aktive.access.log"]._log("export", self.ids)
        payload = json.dumps(data, indent=2, ensure_ascii=False, default=str).encode()
        # Not attached to the case: an attachment of a record is readable by everyone who
        # reads the record - volunteers included. Unattached, only its creator can fetch it.
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("Personal data - %(name)s.json", name=self.name),
                "raw": payload,
                "mimetype": "application/json",
                "description": EXPORT_DESCRIPTION,
            }
        )
        self.message_post(
            body=self._aktive_in_text_lang().env._("Personal data exported (data access request)."),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    PERSON_FIELDS = (
        "name",
        "phone",
        "email",
        "street",
        "zip",
        "city",
        "residence",
        "area",
        "birthdate",
        "stage_id",
        "state",
        "paused_until",
        "close_reason",
        "date_closed",
        "referral_source",
        "referrer_id",
        "referral_date",
        "target_group",
        "coordinator_id",
        "municipal_unit_id",
        "municipal_contact_id",
        "life_story",
        "interests",
        "interest_ids",
        "adaptations",
        "consent_given",
        "consent_date",
        "consent_scope",
        "consent_share_coordinator",
        "consent_withdrawn_date",
        "next_followup_date",
    )

    def _personal_data(self):
        def rows(records, names):
            return records.read(list(names)) if records else []

        readable = [
            n for n in self.PERSON_FIELDS if self._has_field_access(self._fields[n], "read")
        ]
        data = {
            "participant": self.read(readable)[0],
            "wishes": rows(
                self.wish_ids,
                (
                    "name",
                    "description",
                    "category_id",
                    "state",
                    "agreement",
                    "activity_id",
                    "drop_reason",
                ),
            ),
            "network": rows(
                self.network_member_ids.with_context(active_test=False),
                ("partner_id", "member_kind", "role_id", "date_start", "date_end", "frequency"),
            ),
            "contact_log": rows(self.contact_log_ids, ("date", "kind", "note", "user_id")),
            "follow_ups": rows(
                self.followup_ids, ("date_planned", "date_held", "with_whom", "summary", "outcome")
            ),
            "sensitive_notes": rows(
                self.env["aktive.sensitive.note"].search([("participant_id", "=", self.id)]),
                ("date", "kind", "note"),
            ),
            "contact_forms_sent": rows(
                self.env["aktive.contact.form.version"].search([("participant_id", "=", self.id)]),
                ("version", "date", "user_id", "recipient_id"),
            ),
            "log": [
                {"date": m.date, "author": m.author_id.name, "body": str(m.body)}
                for m in self.message_ids
            ],
        }
        access_log = self._personal_data_access_log()
        if access_log is not None:
            data["access_log"] = access_log
        return data
