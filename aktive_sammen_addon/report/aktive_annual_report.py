from datetime import date

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from ..models.aktive_groups import COORDINATORS
from ..models.aktive_input_guard import DATE_MAX
from ..models.aktive_input_guard import DATE_MIN

# No figure is built on fewer people than this: small numbers identify people.
MIN_PEOPLE = 5
SUPPRESSED = "<5"
# Hidden too, so that a "<5" cannot be worked out from its total and the figures beside it
# (complementary suppression; Statistics Norway's sign for a figure not shown).
COMPLEMENT = ":"
NO_FIGURE = "–"
MEASURE_MODEL = "aktive.loneliness.measure"


class AktiveAnnualReport(models.AbstractModel):
    """The annual report (årsrapport) of one company for one year, computed once as a dict
    of figures that the PDF and the spreadsheet both print.

    Counted in SQL over the company's whole activity, not through the user's record rules:
    the report is the volunteer centre's account to its funder, and only coordinators (who see
    every case of their companies anyway) may run it. Each figure carries the number of
    people it is built on; a figure built on 1 to 4 people is shown as "<5" (a count) or "–"
    (an average, a share), with a footnote; where a table's rows add up to a total shown, a
    second figure is hidden (":") beside a lone "<5", which the total would otherwise give. A
    constant number of queries, whatever the size of the municipality."""

    _name = "aktive.annual.report"
    _description = "Aktive Sammen annual report"

    # --- entry point --------------------------------------------------------------------------
    @api.model
    def _check_request(self, year, company):
        """Raise a clear error for a year or company the user may not report on."""
        if not self.env.su and not self.env.user.has_group(COORDINATORS):
            raise AccessError(self.env._("Only a coordinator can make the annual report."))
        if not isinstance(year, int) or not DATE_MIN.year <= year <= DATE_MAX.year:
            raise UserError(
                self.env._(
                    "Choose a year from %(first)s to %(last)s.",
                    first=DATE_MIN.year,
                    last=DATE_MAX.year,
                )
            )
        if year > fields.Date.context_today(self).year:
            raise UserError(self.env._("The annual report cannot be made for a future year."))
        if not company or company not in self.env.user.company_ids:
            raise UserError(self.env._("Choose one of your companies for the annual report."))

    @api.model
    def _figures(self, year, company):
        """Every figure of the report for `year` and `company` (a res.company record)."""
        self._check_request(year, company)
        env = self.env
        # The raw SQL below reads the tables: write what the ORM still holds first.
        env.flush_all()
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
        today = fields.Date.context_today(self)
        scope = {"cr": env.cr, "company": company.id, "start": start, "end": end, "today": today}
        return {
            "year": year,
            "company": company.name,
            "min_people": MIN_PEOPLE,
            "participants": self._participant_figures(scope),
            "days_to_network": self._days_to_network(scope),
            "wishes": self._wish_figures(scope),
            "network": self._network_figures(scope),
            "followups": self._followup_figures(scope),
            "volunteers": self._volunteer_figures(scope),
            "loneliness": self._loneliness_figures(scope),
        }

    # --- cells ----------------------------------------------------------------------------------
    def _count(self, value, people=None):
        """A count of people (or of things `people` persons stand behind)."""
        people = value if people is None else people
        value = value or 0
        if 0 < (people or 0) < MIN_PEOPLE:
            return {"value": None, "text": SUPPRESSED, "suppressed": True}
        return {"value": value, "text": formatLang(self.env, value, digits=0), "suppressed": False}

    def _complement(self, rows, total):
        """Hide a second figure wherever one "<5" stands alone in a column whose rows add up
        to the `total` shown (`rows`: the rows' cells, column by column as in `total`): the
        smallest other figure of the column, else the total itself."""
        for index, total_cell in enumerate(total):
            column = [cells[index] for cells in rows]
            if total_cell["suppressed"] or sum(cell["suppressed"] for cell in column) != 1:
                continue
            shown = [cell for cell in column if not cell["suppressed"] and cell["value"]]
            hidden = min(shown, key=lambda cell: cell["value"]) if shown else total_cell
            hidden.update(value=None, text=COMPLEMENT, suppressed=True)

    def _measure(self, value, people, digits=1, suffix=""):
        """An average or a share: nothing to show without people, "–" for fewer than five."""
        if value is None or not people or people < MIN_PEOPLE:
            return {"value": None, "text": NO_FIGURE, "suppressed": bool(people)}
        value = round(float(value), digits)
        text = formatLang(self.env, value, digits=digits) + suffix
        return {"value": value, "text": text, "suppressed": False}

    def _labels(self, model, ids):
        return {
            record.id: record.display_name
            for record in self.env[model].sudo().with_context(active_test=False).browse(ids)
        }

    def _selection(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    # --- participants -----------------------------------------------------------------------
    def _participant_figures(self, scope):
        """New, in work, paused and closed, by step, target group, referral and unit."""
        dims = ("stage_id", "target_group", "referral_source", "municipal_unit_id")
        scope["cr"].execute(
            SQL(
                """SELECT stage_id, target_group, referral_source, municipal_unit_id,
                          GROUPING(stage_id, target_group, referral_source, municipal_unit_id),
                          count(*) FILTER (WHERE reported >= %(start)s),
                          count(*),
                          count(*) FILTER (WHERE state = 'paused'),
                          count(*) FILTER (WHERE date_closed >= %(start)s AND date_closed < %(end)s)
                     FROM (SELECT *, COALESCE(referral_date, create_date::date) AS reported
                             FROM aktive_participant) p
                    WHERE company_id = %(company)s AND reported < %(end)s
                      AND (date_closed IS NULL OR date_closed >= %(start)s)
                 GROUP BY GROUPING SETS ((stage_id), (target_group), (referral_source),
                                         (municipal_unit_id), ())""",
                **{k: scope[k] for k in ("company", "start", "end")},
            )
        )
        rows = scope["cr"].fetchall()
        # GROUPING() has one bit per column, the first column the highest: 0b0111 = by step.
        by_bits = {0b0111: 0, 0b1011: 1, 0b1101: 2, 0b1110: 3}
        grouped = {index: [] for index in range(4)}
        total = None
        for row in rows:
            keys, bits, counts = row[:4], row[4], row[5:]
            if bits == 0b1111:
                total = counts
            else:
                index = by_bits[bits]
                grouped[index].append((keys[index], counts))
        stages = self.env["aktive.stage"].sudo().search([])  # pylint: disable=no-search-all
        stage_names = {stage.id: stage.name for stage in stages}
        units = self._labels("aktive.municipal.unit", [key for key, _c in grouped[3] if key])
        labels = [
            stage_names,
            self._selection("aktive.participant", "target_group"),
            self._selection("aktive.participant", "referral_source"),
            units,
        ]
        order = [list(stages.ids), None, None, None]
        titles = [
            self.env._("By step"),
            self.env._("By target group"),
            self.env._("By who reported the need"),
            self.env._("By municipal unit"),
        ]
        not_given = self.env._("Not given")
        tables = []
        for index in range(4):
            entries = grouped[index]
            if order[index]:
                entries.sort(key=lambda e, o=order[index]: o.index(e[0]) if e[0] in o else 99)
            else:
                position = list(labels[index])
                entries.sort(key=lambda e, p=position: p.index(e[0]) if e[0] in p else 99)
            tables.append(
                {
                    "title": titles[index],
                    "field": dims[index],
                    "rows": [
                        {
                            "label": labels[index].get(key, not_given) if key else not_given,
                            "cells": [self._count(count) for count in counts],
                        }
                        for key, counts in entries
                    ],
                }
            )
        total_cells = [self._count(count) for count in (total or (0, 0, 0, 0))]
        for table in tables:  # each table is the same cases, by another dimension
            self._complement([row["cells"] for row in table["rows"]], total_cells)
        return {
            "columns": [
                self.env._("New"),
                self.env._("In work"),
                self.env._("Paused now"),
                self.env._("Closed"),
            ],
            "total": total_cells,
            "tables": tables,
        }

    def _days_to_network(self, scope):
        """Average days from the need reported to the network, for the cases whose network
        was established in the year."""
        scope["cr"].execute(
            SQL(
                """SELECT avg(date_network_established - referral_date), count(*)
                     FROM aktive_participant
                    WHERE company_id = %(company)s AND referral_date IS NOT NULL
                      AND date_network_established >= %(start)s
                      AND date_network_established < %(end)s""",
                **{k: scope[k] for k in ("company", "start", "end")},
            )
        )
        average, people = scope["cr"].fetchone()
        return self._measure(average, people, digits=0)

    # --- wishes and network -----------------------------------------------------------------
    def _wish_figures(self, scope):
        """Wishes written down in the year, and wishes fulfilled in the year, by category."""
        scope["cr"].execute(
            SQL(
                """SELECT category_id, GROUPING(category_id),
                          count(*) FILTER (WHERE new),
                          count(DISTINCT participant_id) FILTER (WHERE new),
                          count(*) FILTER (WHERE done),
                          count(DISTINCT participant_id) FILTER (WHERE done)
                     FROM (SELECT category_id, participant_id,
                                  create_date >= %(start)s AND create_date < %(end)s AS new,
                                  date_fulfilled >= %(start)s AND date_fulfilled < %(end)s
                                      AS done
                             FROM aktive_wish WHERE company_id = %(company)s) w
                    WHERE new OR done
                 GROUP BY GROUPING SETS ((category_id), ())""",
                **{k: scope[k] for k in ("company", "start", "end")},
            )
        )
        rows = scope["cr"].fetchall()
        categories = self.env["aktive.wish.category"].sudo().with_context(active_test=False)
        names = self._labels(categories._name, [row[0] for row in rows if row[0]])
        order = categories.search([("id", "in", list(names))]).ids
        total = (0, 0, 0, 0)
        lines = []
        for category, bits, *counts in rows:
            if bits:
                total = counts
            else:
                lines.append((category, counts))
        lines.sort(key=lambda line: order.index(line[0]) if line[0] in order else 999)
        not_given = self.env._("No category")

        def cells(counts):
            return [self._count(counts[0], counts[1]), self._count(counts[2], counts[3])]

        rows = [
            {"label": names.get(category, not_given), "cells": cells(counts)}
            for category, counts in lines
        ]
        total_cells = cells(total)
        self._complement([row["cells"] for row in rows], total_cells)
        return {
            "columns": [self.env._("Wishes written down"), self.env._("Wishes fulfilled")],
            "rows": rows,
            "total": total_cells,
        }

    def _network_figures(self, scope):
        """Who carried the networks in the year: members by kind (people, each once)."""
        scope["cr"].execute(
            SQL(
                """SELECT member_kind, GROUPING(member_kind), count(DISTINCT partner_id),
                          count(DISTINCT participant_id)
                     FROM aktive_network_member
                    WHERE company_id = %(company)s
                      AND COALESCE(date_start, create_date::date) < %(end)s
                      AND (date_end >= %(start)s
                           OR (date_end IS NULL AND (active OR write_date >= %(start)s)))
                 GROUP BY GROUPING SETS ((member_kind), ())""",
                **{k: scope[k] for k in ("company", "start", "end")},
            )
        )
        found = {}
        total = (0, 0)
        for kind, bits, members, participants in scope["cr"].fetchall():
            if bits:
                total = (members, participants)
            else:
                found[kind] = (members, participants)
        kinds = self._selection("aktive.network.member", "member_kind")
        rows = [
            {"label": label, "cell": self._count(*found.get(kind, (0, 0)))}
            for kind, label in kinds.items()
        ]
        total_cell = self._count(*total)
        self._complement([[row["cell"]] for row in rows], [total_cell])
        return {"rows": rows, "total": total_cell, "participants": self._count(total[1])}

    # --- follow-ups and volunteers ------------------------------------------------------------
    def _followup_figures(self, scope):
        """Follow-ups due in the year (planned for a day of it that has come, not cancelled)
        and how many were held on time: no later than planned."""
        scope["cr"].execute(
            SQL(
                """SELECT count(*),
                          count(*) FILTER (WHERE state = 'held' AND date_held <= date_planned),
                          count(DISTINCT participant_id)
                     FROM aktive_followup
                    WHERE company_id = %(company)s AND state != 'cancelled'
                      AND date_planned >= %(start)s AND date_planned < %(end)s
                      AND (state = 'held' OR date_planned < %(today)s)""",
                **{k: scope[k] for k in ("company", "start", "end", "today")},
            )
        )
        due, on_time, people = scope["cr"].fetchone()
        percent = 100.0 * on_time / due if due else None
        return {
            "due": self._count(due, people),
            "on_time": self._count(on_time, people),
            "percent": self._measure(percent, people, digits=0, suffix=" %"),
        }

    def _volunteer_figures(self, scope):
        """Volunteers active in the year (in a network, or with hours) and their hours."""
        report = self.env["aktive.volunteer.hours.report"]
        scope["cr"].execute(
            SQL(
                """WITH hours AS (
                        SELECT partner_id, sum(hours) AS hours FROM %(view)s v
                         WHERE company_id = %(company)s
                           AND date >= %(start)s AND date < %(end)s
                      GROUP BY partner_id),
                    active AS (
                        SELECT partner_id FROM aktive_network_member
                         WHERE company_id = %(company)s AND member_kind = 'volunteer'
                           AND COALESCE(date_start, create_date::date) < %(end)s
                           AND (date_end >= %(start)s
                                OR (date_end IS NULL AND (active OR write_date >= %(start)s)))
                         UNION SELECT partner_id FROM hours)
                   SELECT (SELECT count(*) FROM active), (SELECT count(*) FROM hours),
                          (SELECT COALESCE(sum(hours), 0) FROM hours)""",
                view=report._table_sql,
                **{k: scope[k] for k in ("company", "start", "end")},
            )
        )
        active, with_hours, hours = scope["cr"].fetchone()
        return {
            "active": self._count(active),
            "with_hours": self._count(with_hours),
            "hours": self._measure(hours, with_hours, digits=1),
            "average": self._measure(hours / with_hours if with_hours else None, with_hours),
        }

    # --- loneliness -----------------------------------------------------------------------------
    def _loneliness_figures(self, scope):
        """UCLA-3 from the first scored measure (baseline) to the latest, for the participants
        with two or more scored measures by the end of the year, the latest in the year. A
        lower score is less lonely: improved means the score went down."""
        empty = {
            "people": self._count(0),
            "baseline": self._measure(None, 0),
            "latest": self._measure(None, 0),
            "change": self._measure(None, 0),
            "improved": self._count(0),
            "same": self._count(0),
            "worse": self._count(0),
        }
        if MEASURE_MODEL not in self.env:
            return empty
        scope["cr"].execute(
            SQL(
                """WITH per_person AS (
                        SELECT participant_id,
                               (array_agg(ucla_score ORDER BY date, id))[1] AS baseline,
                               (array_agg(ucla_score ORDER BY date DESC, id DESC))[1] AS latest
                          FROM %(table)s
                         WHERE company_id = %(company)s AND NOT COALESCE(declined, false)
                           AND ucla_score > 0 AND date < %(end)s
                      GROUP BY participant_id
                        HAVING count(*) >= 2 AND max(date) >= %(start)s)
                   SELECT count(*), avg(baseline), avg(latest), avg(latest - baseline),
                          count(*) FILTER (WHERE latest < baseline),
                          count(*) FILTER (WHERE latest = baseline),
                          count(*) FILTER (WHERE latest > baseline)
                     FROM per_person""",
                table=SQL.identifier(self.env[MEASURE_MODEL]._table),
                **{k: scope[k] for k in ("company", "start", "end")},
            )
        )
        people, baseline, latest, change, improved, same, worse = scope["cr"].fetchone()
        if not people:
            return empty
        figures = {
            "people": self._count(people),
            "baseline": self._measure(baseline, people),
            "latest": self._measure(latest, people),
            "change": self._measure(change, people),
            # With fewer than five in all, no part of it is shown either.
            "improved": self._count(improved, improved if people >= MIN_PEOPLE else 1),
            "same": self._count(same, same if people >= MIN_PEOPLE else 1),
            "worse": self._count(worse, worse if people >= MIN_PEOPLE else 1),
        }
        # Less lonely, the same and lonelier are the people, each once.
        parts = [[figures[key]] for key in ("improved", "same", "worse")]
        self._complement(parts, [figures["people"]])
        return figures
