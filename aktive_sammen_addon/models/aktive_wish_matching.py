from odoo import models

WORD = 5  # words this long or longer count when matching accessibility to adaptations


class AktiveWish(models.Model):
    """Matching a wish to volunteers and catalogue activities. Each suggestion reads the
    candidates in a fixed number of queries (no query per volunteer), so it stays fast for a
    large municipality."""

    _inherit = "aktive.wish"

    def _suggest_volunteers(self, limit=10):
        """[(volunteer, score, reasons)] best first. Only active volunteers with a signed
        declaration on file, not already in this network."""
        self.ensure_one()
        participant = self.participant_id
        taken = participant.network_member_ids.partner_id.ids
        candidates = self.env["res.partner"].search_fetch(
            [
                ("is_aktive_volunteer", "=", True),
                ("aktive_volunteer_state", "=", "active"),
                ("aktive_declaration_missing", "=", False),
                ("id", "not in", taken),
            ],
            [
                "name",
                "aktive_area",
                "aktive_driving_licence",
                "aktive_has_car",
                "aktive_assignment_count",
                "aktive_availability",
            ],
        )
        interests = self._rel_map("aktive_partner_interest_rel", "interest_id", candidates)
        languages = self._rel_map("aktive_partner_lang_rel", "lang_id", candidates)
        wanted = {interest.id: interest.name for interest in participant.interest_ids}
        lang = self.env["res.lang"]._lang_get(participant.partner_id.lang or "")
        area = (participant.area or participant.city or "").strip().lower()
        transport = self.category_id.needs_transport
        ranked = []
        for volunteer in candidates:
            score, reasons = 0, []
            shared = [wanted[i] for i in interests.get(volunteer.id, ()) if i in wanted]
            if shared:
                score += 3 * min(len(shared), 3)
                reasons.append(
                    self.env._("Shared interests: %(names)s", names=", ".join(sorted(shared)))
                )
            if lang and lang.id in languages.get(volunteer.id, ()):
                score += 2
                reasons.append(self.env._("Speaks %(lang)s", lang=lang.name))
            if area and (volunteer.aktive_area or "").strip().lower() == area:
                score += 3
                reasons.append(self.env._("Same area: %(area)s", area=volunteer.aktive_area))
            if transport:
                if volunteer.aktive_driving_licence and volunteer.aktive_has_car:
                    score += 4
                    reasons.append(self.env._("Driving licence and car (transport is needed)"))
                elif volunteer.aktive_driving_licence:
                    score += 2
                    reasons.append(self.env._("Driving licence, no car"))
                else:
                    score -= 3
                    reasons.append(self.env._("No driving licence, and transport is needed"))
            load = volunteer.aktive_assignment_count
            score -= min(load, 4)
            reasons.append(
                self.env._("%(n)s active assignment(s)", n=load)
                if load
                else self.env._("No assignment yet")
            )
            if volunteer.aktive_availability:
                reasons.append(
                    self.env._("Available: %(text)s", text=volunteer.aktive_availability)
                )
            reasons.append(self.env._("Confidentiality declaration on file"))
            ranked.append((volunteer, score, reasons))
        ranked.sort(key=lambda row: (-row[1], row[0].aktive_assignment_count, row[0].name))
        return ranked[:limit]

    def _suggest_activities(self, limit=5):
        """[(activity, score, reasons, members who drive)] for the wish's category."""
        self.ensure_one()
        participant = self.participant_id
        domain = [("category_ids", "in", self.category_id.ids)] if self.category_id else []
        activities = self.env["aktive.activity"].search_fetch(
            domain, ["name", "area", "place", "schedule", "accessibility"]
        )
        members = self._rel_map(
            "aktive_activity_member_rel", "partner_id", activities, key="activity_id"
        )
        drivers = (
            self.env["res.partner"]
            .browse({pid for ids in members.values() for pid in ids})
            .filtered(lambda p: p.aktive_driving_licence and p != participant.partner_id)
        )
        area = (participant.area or participant.city or "").strip().lower()
        needs = {w for w in (participant.adaptations or "").lower().split() if len(w) >= WORD}
        ranked = []
        for activity in activities:
            score, reasons = 3, [self.env._("Category: %(name)s", name=self.category_id.name)]
            if area and (activity.area or "").strip().lower() == area:
                score += 2
                reasons.append(self.env._("In the same area: %(area)s", area=activity.area))
            offered = {w for w in (activity.accessibility or "").lower().split() if len(w) >= WORD}
            if needs & offered:
                score += 1
                reasons.append(self.env._("Accessibility: %(text)s", text=activity.accessibility))
            if activity.schedule:
                reasons.append(activity.schedule)
            driving = drivers.filtered(lambda p, a=activity: p.id in members.get(a.id, ()))
            if driving:
                score += 2
                reasons.append(
                    self.env._(
                        "Members who could be driving friends: %(names)s",
                        names=", ".join(driving.mapped("name")),
                    )
                )
            ranked.append((activity, score, reasons, driving))
        ranked.sort(key=lambda row: (-row[1], row[0].name))
        return ranked[:limit]

    def _rel_map(self, table, column, records, key="partner_id"):
        """{record id: set of related ids} from a many2many table, in one query."""
        if not records:
            return {}
        records.flush_model()
        # Raw SQL on a relation table of records the user has just read: no rule to bypass.
        self.env.cr.execute(
            f"SELECT {key}, {column} FROM {table} WHERE {key} = ANY(%s)",  # noqa: S608
            [records.ids],
        )
        result = {}
        for record_id, related_id in self.env.cr.fetchall():
            result.setdefault(record_id, set()).add(related_id)
        return result

    def action_suggest(self):
        return self.env["aktive.volunteer.suggestion"].action_open(self)
