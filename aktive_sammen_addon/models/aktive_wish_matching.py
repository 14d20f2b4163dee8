from odoo import models
from odoo.tools import SQL

WORD = 5  # words this long or longer count when matching accessibility to adaptations


class AktiveWish(models.Model):
    """Matching a wish to volunteers and catalogue activities. Each suggestion reads the
    candidates in a fixed number of queries (no query per volunteer), so it stays fast for a
    large municipality."""

    _inherit = "aktive.wish"

    def _suggest_volunteers(self, limit=10):
        """[(volunteer, score, reasons)] best first. Only active volunteers with a signed
        declaration on file, not already in this network.

        Two steps, so that the time grows far slower than the number of volunteers: one SQL
        query scores every candidate and keeps the best `limit` (_volunteer_score_sql), then
        _volunteer_score writes the reasons for those only. The two must score alike:
        tests/test_matching_order.py pins the order on a fixed set."""
        self.ensure_one()
        criteria = self._volunteer_criteria()
        Partner = self.env["res.partner"]
        company = self.participant_id.company_id
        domain = [
            ("is_aktive_volunteer", "=", True),
            # Only the volunteers who serve the wish's municipality (res_partner_company.py):
            # a user of several companies, or a card every company sees, suggests no other's.
            ("aktive_company_ids", "in", company.ids),
            ("aktive_volunteer_state", "=", "active"),
            ("aktive_declaration_missing", "=", False),
            ("id", "not in", self.participant_id.network_member_ids.partner_id.ids),
        ]
        if criteria["area"]:
            # The volunteers' areas as typed ("Moseidmoen", " moseidmoen"), matched the way
            # _volunteer_score compares them: a few dozen values, not one per volunteer.
            typed = Partner._read_group(domain[:2], ["aktive_area"])
            criteria["areas"] = [a for (a,) in typed if a and a.strip().lower() == criteria["area"]]
        query = Partner._search(domain)
        score = self._volunteer_score_sql(query, criteria)
        load = SQL("COALESCE(%s, 0)", SQL.identifier(query.table, "aktive_assignment_count"))
        name = SQL("COALESCE(%s, '') COLLATE \"C\"", SQL.identifier(query.table, "name"))
        # Ties as the Python sort had them: load, then name in code point order, then the
        # contacts' own order (the order the candidates used to be read in).
        query.order = SQL(
            "%s DESC, %s, %s, %s", score, load, name, Partner._order_to_sql(Partner._order, query)
        )
        query.limit = limit
        volunteers = Partner.browse([id_ for (id_,) in self.env.execute_query(query.select())])
        volunteers.fetch(
            [
                "name",
                "aktive_area",
                "aktive_driving_licence",
                "aktive_has_car",
                "aktive_assignment_count",
                "aktive_availability",
                "aktive_interest_ids",
                "aktive_language_ids",
            ]
        )
        ranked = [(v, *self._volunteer_score(v, criteria)) for v in volunteers]
        ranked.sort(key=lambda row: (-row[1], row[0].aktive_assignment_count, row[0].name))
        return ranked

    def _volunteer_criteria(self):
        """What the wish's person asks for, the same for every volunteer."""
        participant = self.participant_id
        return {
            "wanted": {interest.id: interest.name for interest in participant.interest_ids},
            "lang": self.env["res.lang"]._lang_get(participant.partner_id.lang or ""),
            "area": (participant.area or participant.city or "").strip().lower(),
            "areas": [],
            "transport": self.category_id.needs_transport,
        }

    def _volunteer_score_sql(self, query, criteria):
        """_volunteer_score's score as an SQL expression on the candidates' query (which it
        joins to the interests and languages they share with the person: hash joins, no
        subquery per volunteer)."""

        def column(name, alias=query.table):
            return SQL.identifier(alias, name)

        partner = column("id")
        query.add_join(
            "LEFT JOIN",
            "shared",
            SQL(
                "(SELECT partner_id, COUNT(*) AS n FROM aktive_partner_interest_rel"
                " WHERE interest_id = ANY(%s) GROUP BY partner_id)",
                list(criteria["wanted"]),
            ),
            SQL("%s = %s", column("partner_id", "shared"), partner),
        )
        terms = [SQL("3 * LEAST(COALESCE(%s, 0), 3)", column("n", "shared"))]
        if criteria["lang"]:
            query.add_join(
                "LEFT JOIN",
                "speaks",
                SQL.identifier("aktive_partner_lang_rel"),
                SQL(
                    "%s = %s AND %s = %s",
                    column("partner_id", "speaks"),
                    partner,
                    column("lang_id", "speaks"),
                    criteria["lang"].id,
                ),
            )
            terms.append(
                SQL("CASE WHEN %s IS NULL THEN 0 ELSE 2 END", column("partner_id", "speaks"))
            )
        if criteria["areas"]:
            terms.append(
                SQL(
                    "CASE WHEN %s = ANY(%s) THEN 3 ELSE 0 END",
                    column("aktive_area"),
                    criteria["areas"],
                )
            )
        if criteria["transport"]:
            licence, car = column("aktive_driving_licence"), column("aktive_has_car")
            terms.append(
                SQL("CASE WHEN %s AND %s THEN 4 WHEN %s THEN 2 ELSE -3 END", licence, car, licence)
            )
        terms.append(SQL("-LEAST(COALESCE(%s, 0), 4)", column("aktive_assignment_count")))
        return SQL("(%s)", SQL(" + ").join(terms))

    def _volunteer_score(self, volunteer, criteria):
        """(score, reasons) of one volunteer for this wish."""
        wanted, lang, area = criteria["wanted"], criteria["lang"], criteria["area"]
        score, reasons = 0, []
        shared = [wanted[i] for i in volunteer.aktive_interest_ids.ids if i in wanted]
        if shared:
            score += 3 * min(len(shared), 3)
            reasons.append(
                self.env._("Shared interests: %(names)s", names=", ".join(sorted(shared)))
            )
        if lang and lang in volunteer.aktive_language_ids:
            score += 2
            # "Norwegian Bokmål / Norsk bokmål": the language's own name, after the slash.
            reasons.append(self.env._("Speaks %(lang)s", lang=lang.name.split(" / ")[-1]))
        if area and (volunteer.aktive_area or "").strip().lower() == area:
            score += 3
            reasons.append(self.env._("Same area: %(area)s", area=volunteer.aktive_area))
        if criteria["transport"]:
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
        if load == 1:
            reasons.append(self.env._("1 active assignment"))
        elif load:
            reasons.append(self.env._("%(n)s active assignments", n=load))
        else:
            reasons.append(self.env._("No assignment yet"))
        if volunteer.aktive_availability:
            reasons.append(self.env._("Available: %(text)s", text=volunteer.aktive_availability))
        reasons.append(self.env._("Confidentiality declaration on file"))
        return score, reasons

    def _suggest_activities(self, limit=5):
        """[(activity, score, reasons, members who drive)] for the wish's category."""
        self.ensure_one()
        participant = self.participant_id
        domain = [("category_ids", "in", self.category_id.ids)] if self.category_id else []
        # The catalogue of the wish's municipality (and the activities shared by all).
        domain += [("company_id", "in", [participant.company_id.id, False])]
        activities = self.env["aktive.activity"].search_fetch(
            domain, ["name", "area", "place", "schedule", "accessibility", "member_ids"]
        )
        drivers = activities.member_ids.filtered(
            lambda p: p.aktive_driving_licence and p != participant.partner_id
        )._aktive_of_company(participant.company_id)
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
            driving = drivers & activity.member_ids
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

    def action_suggest(self):
        return self.env["aktive.volunteer.suggestion"].action_open(self)
