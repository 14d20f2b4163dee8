"""The contact form's points as a checklist ("Punktene i skjema skal fungere som en
sjekkliste"): on the case and on its card, what is still missing for the step the case is
in, so the coordinator learns it before a step or a sending is refused.

Computed for a whole board page at once: the case's own fields, then two grouped queries
(agreed wishes nobody carries, volunteers without a declaration) - no query per card."""

from markupsafe import Markup
from markupsafe import escape
from odoo import api
from odoo import fields
from odoo import models

from .aktive_groups import CASE_WORKERS

# From which step (its position, 0 = step 1) a point is asked for.
CONTACT_FROM, CONSENT_FROM, CARRIED_FROM = 0, 1, 3


class AktiveParticipant(models.Model):
    _inherit = "aktive.participant"

    # Case workers' fields: the points tell of consent and follow-ups, which are theirs. Read
    # as superuser (compute_sudo): a municipal contact person reads the case but not every
    # volunteer's declaration; only whether something is missing is shown.
    checklist_html = fields.Html(
        string="Missing for this step",
        compute="_compute_checklist",
        compute_sudo=True,
        sanitize=False,
        groups=CASE_WORKERS,
    )
    checklist_count = fields.Integer(
        string="Points missing",
        compute="_compute_checklist",
        compute_sudo=True,
        groups=CASE_WORKERS,
    )

    @api.depends(
        "stage_id",
        "state",
        "municipal_contact_id",
        "consent_given",
        "next_followup_date",
        "wish_ids.state",
        "wish_ids.network_member_ids",
        "network_member_ids.active",
        "network_member_ids.partner_id",
    )
    @api.depends_context("lang")
    def _compute_checklist(self):
        points = self._aktive_checklist_points()
        for participant in self:
            missing = points.get(participant.id, [])
            participant.checklist_count = len(missing)
            participant.checklist_html = (
                Markup("<ul class='mb-0'>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % escape(point) for point in missing)
                if missing
                else False
            )

    def _aktive_checklist_points(self):
        """{participant id: [what is missing, in the user's words]} for these cases."""
        ids = [pid for pid in self.ids if pid]
        if not ids:
            return {}
        stages = self._ordered_stages()
        last = len(stages) - 1
        uncarried = self._aktive_ids_with(
            "aktive.wish",
            [
                ("state", "=", "agreed"),
                ("network_member_ids", "not any", [("active", "=", True)]),
            ],
            ids,
        )
        unsigned = self._aktive_ids_with(
            "aktive.network.member",
            [
                ("active", "=", True),
                ("member_kind", "=", "volunteer"),
                ("partner_id.aktive_declaration_missing", "=", True),
            ],
            ids,
        )
        points = {}
        for participant in self:
            if not participant.id or participant.state == "closed":
                continue
            step = stages._index(participant.stage_id)
            missing = []
            if step >= CONTACT_FROM and not participant.municipal_contact_id:
                missing.append(self.env._("No municipal contact person"))
            if step >= CONSENT_FROM and not participant.consent_given:
                missing.append(self.env._("Consent not recorded"))
            if step >= CARRIED_FROM and participant.id in uncarried:
                missing.append(self.env._("An agreed wish nobody carries"))
            if (
                step == last
                and participant.state == "active"
                and not participant.next_followup_date
            ):
                missing.append(self.env._("No next follow-up planned"))
            if participant.id in unsigned:
                missing.append(
                    self.env._("A volunteer in the network without a signed declaration")
                )
            points[participant.id] = missing
        return points

    def _aktive_ids_with(self, model, domain, ids):
        """The ids among `ids` that have a record of `model` matching `domain` (one query)."""
        groups = self.env[model]._read_group(
            [("participant_id", "in", ids), *domain], ["participant_id"], ["__count"]
        )
        return {participant.id for participant, _count in groups}
