"""The volunteers' pages under /my (issue 13): the people they help, logging a visit,
telling the coordinator, their profile. Built as Odoo's portal does it.

Case data is read as the user: the record rules of the Volunteer group decide (current
membership only: not ended, its Until date not past). The few sudo() calls are commented and
concern the volunteer's own profile or messages to the case workers, never a read of another
person's case."""

import re
from datetime import date
from urllib.parse import quote

from markupsafe import escape
from odoo import fields
from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.web import Home
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.http import request

from ..models.aktive_groups import VOLUNTEER
from ..models.aktive_health_terms import find_health_terms

NOTE_MAX = 2000
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
KINDS = ("visit", "phone", "activity")
REPORT_KINDS = ("change", "wish", "worry")


class AktiveLoginLanguage(Home):
    """The portal pages speak the user's own language from the first page after login.

    Odoo's login page is served to a visitor, who gets the ``frontend_lang`` cookie of the
    database's default language (English); after login that cookie outranks the user's
    language on every page under /my (``ir.http._match``), so Mahmoud, whose language is
    bokmål, read the whole portal in English. The cookie is set to the user's language at
    the moment of login; a language chosen later in the footer still wins."""

    def _login_redirect(self, uid, redirect=None):
        lang = request.env["res.users"].browse(uid).lang
        if lang and request.env["ir.http"].get_nearest_lang(lang):
            request.future_response.set_cookie("frontend_lang", lang)
        return super()._login_redirect(uid, redirect=redirect)


class AktiveVolunteerPortal(CustomerPortal):
    # ------------------------------------------------------------------ helpers
    def _aktive_is_volunteer(self):
        return request.env.user._has_group(VOLUNTEER)

    def _aktive_people_domain(self):
        """The people this user helps in person: a current membership of their own network
        (not ended, its Until date not past - also for a coordinator who volunteers: the
        portal pages are about one's own)."""
        return [
            (
                "network_member_ids",
                "any",
                [("partner_id", "=", request.env.user.partner_id.id), ("is_current", "=", True)],
            )
        ]

    def _aktive_people(self):
        return request.env["aktive.participant"].search(self._aktive_people_domain())

    def _aktive_person(self, participant_id):
        """One of the user's people, searched under the record rules: anyone else (another
        case, an ended assignment, an id that does not exist) is not found."""
        if not self._aktive_is_volunteer():
            return request.env["aktive.participant"]
        return request.env["aktive.participant"].search(
            [("id", "=", participant_id), *self._aktive_people_domain()], limit=1
        )

    def _aktive_text(self, value, required=False):
        """A note from a form: stripped, limited, and plain text only."""
        text = (value or "").strip()
        if required and not text:
            return text, request.env._("Please write a few words.")
        if len(text) > NOTE_MAX:
            return text[:NOTE_MAX], request.env._(
                "The text is too long: at most %(max)s characters.", max=NOTE_MAX
            )
        if HTML_TAG.search(text):
            return text, request.env._("The text cannot contain HTML code (such as <b> or <a>).")
        return text, None

    def _aktive_csrf_errors(self, post):
        """The errors a posted form starts from: none, or the stale page's (checked here
        rather than by the route, for a clear message on the page)."""
        if request.validate_csrf(post.get("csrf_token")):
            return []
        return [
            request.env._(
                "The page had expired, so nothing was saved. Please try again on this page."
            )
        ]

    def _aktive_hours(self, hours):
        """Hours as the reader writes them: 1,5 in bokmål, 1.5 in English."""
        point = request.env["res.lang"]._get_data(code=request.env.lang or "en_US").decimal_point
        return ("%g" % (hours or 0.0)).replace(".", point or ".")

    def _aktive_long_date(self, value):
        """A date as the reader says it: '1. mars 2027' in bokmål."""
        return request.env["aktive.notice"]._aktive_long_date(request.env, value)

    def _aktive_layout_values(self, page_name, **values):
        result = self._prepare_portal_layout_values()
        result.update(
            page_name=page_name,
            format_hours=self._aktive_hours,
            format_long_date=self._aktive_long_date,
            **values,
        )
        return result

    # ------------------------------------------------------------------ /my home
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "aktive_people_count" in counters:
            values["aktive_people_count"] = (
                request.env["aktive.participant"].search_count(self._aktive_people_domain())
                if self._aktive_is_volunteer()
                else 0
            )
        return values

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        if self._aktive_is_volunteer():
            # The people are on the home page itself: a visit is logged in two taps.
            values["aktive_people"] = self._aktive_people()
            # ...and what changed for them, until the volunteer has seen it (one tap).
            values["aktive_notices"] = self._aktive_unseen_notices()
            values["format_long_date"] = self._aktive_long_date
        return values

    def _aktive_unseen_notices(self):
        """The volunteer's notices not seen yet, read as the user: the record rules give
        their own only, for the people they help now (and the thank-you at an end)."""
        return request.env["aktive.notice"].search(
            [("partner_id", "=", request.env.user.partner_id.id), ("date_seen", "=", False)]
        )

    @http.route(
        ["/my/aktive/notice/<int:notice_id>/seen"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def aktive_notice_seen(self, notice_id, **post):
        """The one tap: the notice is seen. Another's notice, or one that does not exist, is
        not found (searched under the record rules)."""
        if not self._aktive_is_volunteer():
            return request.not_found()
        notice = request.env["aktive.notice"].search(
            [("id", "=", notice_id), ("partner_id", "=", request.env.user.partner_id.id)],
            limit=1,
        )
        if not notice:
            return self._aktive_not_found()
        notice.action_seen()
        return request.redirect("/my#aktive_notices")

    def _aktive_not_found(self):
        """A person's page that is not, or no longer, the volunteer's (an assignment ended,
        an old link): a 404 with the way back, in their language. Others get Odoo's own."""
        if not self._aktive_is_volunteer():
            return request.not_found()
        return request.render(
            "aktive_sammen_addon.portal_my_aktive_not_found",
            self._aktive_layout_values("aktive_not_found"),
            status=404,
        )

    # ------------------------------------------------------------------ pages
    @http.route(["/my/aktive"], type="http", auth="user", website=True)
    def aktive_home(self, **kw):
        """The addon's own root: the people, for a link typed or kept short."""
        if not self._aktive_is_volunteer():
            return request.not_found()
        return request.redirect("/my/aktive/people")

    @http.route(["/my/aktive/people"], type="http", auth="user", website=True)
    def aktive_people(self, **kw):
        if not self._aktive_is_volunteer():
            return request.not_found()
        return request.render(
            "aktive_sammen_addon.portal_my_aktive_people",
            self._aktive_layout_values("aktive_people", people=self._aktive_people()),
        )

    def _aktive_person_values(self, person, **values):
        user = request.env.user
        # The network as it is today: an assignment past its Until date is no longer in it.
        network = person.network_member_ids.filtered("is_current")
        own_members = network.filtered(lambda m: m.partner_id == user.partner_id)
        wishes = person.wish_ids.filtered(lambda w: w.state != "dropped")
        own_wishes = wishes.filtered(lambda w: w.network_member_ids & own_members)
        logs = request.env["aktive.contact.log"].search(
            [("participant_id", "=", person.id), ("user_id", "=", user.id)], limit=10
        )
        address = ", ".join(
            p for p in (person.street, " ".join(filter(None, (person.zip, person.city)))) if p
        )
        return self._aktive_layout_values(
            "aktive_person",
            person=person,
            address=address,
            map_url="https://www.openstreetmap.org/search?query=" + quote(address),
            own_members=own_members,
            own_wishes=own_wishes,
            other_wishes=wishes - own_wishes,
            members=network - own_members,
            logs=logs,
            kinds=self._aktive_kind_labels(),
            today=fields.Date.context_today(user),
            values=values.pop("values", {}),
            **values,
        )

    def _aktive_kind_labels(self):
        selection = (
            request.env["aktive.contact.log"]._fields["kind"]._description_selection(request.env)
        )
        return dict(selection)

    @http.route(["/my/aktive/person/<int:participant_id>"], type="http", auth="user", website=True)
    def aktive_person(self, participant_id, saved=None, log=None, **kw):
        person = self._aktive_person(participant_id)
        if not person:
            return self._aktive_not_found()
        try:
            log_id = int(log or 0)
        except ValueError:
            log_id = 0
        return request.render(
            "aktive_sammen_addon.portal_my_aktive_person",
            self._aktive_person_values(person, saved=saved, saved_log_id=log_id),
        )

    # ------------------------------------------------------------------ log a contact
    def _aktive_log_errors(self, post):
        """Validate a contact log entry from the form; returns (values, errors)."""
        errors = []
        kind = post.get("kind")
        if kind not in KINDS:
            errors.append(
                request.env._("Choose what it was: a visit, a phone call or an activity together.")
            )
        today = fields.Date.context_today(request.env.user)
        try:
            when = fields.Date.to_date(post.get("date") or today)
        except ValueError:
            when = None
        if not when:
            errors.append(request.env._("The date is not valid."))
        elif when > today:
            errors.append(request.env._("The date cannot be in the future."))
        elif when < date(today.year - 1, 1, 1):
            errors.append(
                request.env._("The date is too far back: log contacts of this year or last year.")
            )
        hours = 0.0
        raw_hours = (post.get("hours") or "").strip().replace(",", ".")
        if raw_hours:
            try:
                hours = float(raw_hours)
            except ValueError:
                errors.append(request.env._("The hours must be a number, for example 1.5."))
            else:
                if not 0 <= hours <= 24:
                    errors.append(request.env._("The hours must be between 0 and 24."))
        note, note_error = self._aktive_text(post.get("note"))
        if note_error:
            errors.append(note_error)
        values = {"kind": kind, "date": when or today, "hours": hours, "note": note}
        return values, errors

    @http.route(
        ["/my/aktive/person/<int:participant_id>/log"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        # The token is checked below, so that a stale page gets a clear message on the
        # page instead of a bare "400 Bad Request".
        csrf=False,
    )
    def aktive_log(self, participant_id, **post):
        person = self._aktive_person(participant_id)
        if not person:
            return self._aktive_not_found()
        values, errors = self._aktive_log_errors(post)
        errors = self._aktive_csrf_errors(post) + errors
        log = request.env["aktive.contact.log"]
        if not errors:
            try:
                with request.env.cr.savepoint():
                    log = log.create({"participant_id": person.id, **values})
            except (ValidationError, AccessError) as error:
                errors.append(str(error.args[0]))
        if errors:
            response = request.render(
                "aktive_sammen_addon.portal_my_aktive_person",
                self._aktive_person_values(person, log_errors=errors, values=values),
            )
            response.status_code = 400
            return response
        # Health information stays with the municipality: a warning, not a block (issue 15),
        # with the offer to send the note as a worry instead. The confirmation and the
        # warning are at the top of the section the page returns to (#aktive_log).
        terms = find_health_terms(values["note"], person.company_id._aktive_health_terms())
        saved = f"health&log={log.id}" if terms else "1"
        return request.redirect(f"/my/aktive/person/{person.id}?saved={saved}#aktive_log")

    @http.route(
        ["/my/aktive/person/<int:participant_id>/log/<int:log_id>/worry"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def aktive_log_as_worry(self, participant_id, log_id, **post):
        """A note about health, saved in the contact log, sent as a worry to the municipal
        contact person instead: the note goes to the municipality (as the portal's worry,
        models/aktive_sensitive_note_report.py) and leaves the volunteer's entry, which
        keeps the visit and its hours."""
        person = self._aktive_person(participant_id)
        if not person:
            return self._aktive_not_found()
        # As the user: their own entry for this person only (record rules, row V5).
        log = request.env["aktive.contact.log"].search(
            [
                ("id", "=", log_id),
                ("participant_id", "=", person.id),
                ("user_id", "=", request.env.user.id),
            ],
            limit=1,
        )
        if not log or not log.note:
            return self._aktive_not_found()
        try:
            with request.env.cr.savepoint():
                request.env["aktive.sensitive.note"]._aktive_report_worry(
                    person, request.env.user, log.note
                )
                log.note = False
        except (ValidationError, AccessError) as error:
            response = request.render(
                "aktive_sammen_addon.portal_my_aktive_person",
                self._aktive_person_values(person, log_errors=[str(error.args[0])]),
            )
            response.status_code = 400
            return response
        return request.redirect(f"/my/aktive/person/{person.id}?saved=worry#aktive_log")

    # ------------------------------------------------------------------ tell the coordinator
    @http.route(["/my/aktive/report"], type="http", auth="user", website=True)
    def aktive_report(self, participant_id=None, **kw):
        if not self._aktive_is_volunteer():
            return request.not_found()
        people = self._aktive_people()
        selected = people.filtered(lambda p: str(p.id) == str(participant_id))[:1]
        return request.render(
            "aktive_sammen_addon.portal_my_aktive_report",
            self._aktive_layout_values(
                "aktive_report",
                people=people,
                values={"participant": selected or people[:1], "kind": "change"},
                sent=kw.get("sent"),
            ),
        )

    @http.route(
        ["/my/aktive/report/send"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        csrf=False,  # checked below, for a clear message on the page
    )
    def aktive_report_send(self, **post):
        if not self._aktive_is_volunteer():
            return request.not_found()
        people = self._aktive_people()
        errors = self._aktive_csrf_errors(post)
        try:
            person = self._aktive_person(int(post.get("participant_id") or 0))
        except ValueError:
            person = request.env["aktive.participant"]
        if not person:
            errors.append(request.env._("Choose one of the people you help."))
        kind = post.get("kind")
        if kind not in REPORT_KINDS:
            errors.append(request.env._("Choose what you want to tell."))
        text, text_error = self._aktive_text(post.get("text"), required=True)
        if text_error:
            errors.append(text_error)
        if post.get("as_worry") and kind in REPORT_KINDS:
            kind = "worry"  # the offer below, taken: the same text to the municipality
        health = (
            not errors
            and kind != "worry"
            and not post.get("confirm")
            and find_health_terms(text, person.company_id._aktive_health_terms())
        )
        if health:
            # Health information stays with the municipality: before it reaches the
            # coordinator, offer to send it as a worry to the municipal contact person.
            return request.render(
                "aktive_sammen_addon.portal_my_aktive_report",
                self._aktive_layout_values(
                    "aktive_report",
                    people=people,
                    health=True,
                    values={"participant": person, "kind": kind, "text": text},
                ),
            )
        if not errors:
            try:
                with request.env.cr.savepoint():
                    self._aktive_send_report(person, kind, text)
            except (ValidationError, AccessError) as error:
                errors.append(str(error.args[0]))
        if errors:
            response = request.render(
                "aktive_sammen_addon.portal_my_aktive_report",
                self._aktive_layout_values(
                    "aktive_report",
                    people=people,
                    errors=errors,
                    values={"participant": person, "kind": kind, "text": text},
                ),
            )
            response.status_code = 400 if person or not post.get("participant_id") else 403
            return response
        return request.redirect(f"/my/aktive/report?sent={kind}&participant_id={person.id}")

    def _aktive_send_report(self, person, kind, text):
        user = request.env.user
        if kind == "worry":
            # A worry about health is health information, for the municipal side only: a
            # sensitive note of kind health with an activity for the municipal contact person
            # to act on, made as superuser (models/aktive_sensitive_note_report.py). Neither
            # the coordinator (without the person's consent to sharing) nor the volunteer
            # reads it back.
            request.env["aktive.sensitive.note"]._aktive_report_worry(person, user, text)
            return
        # The coordinator's to-do, in the coordinator's language.
        coordinator = person.sudo().coordinator_id
        lang = person.sudo()._aktive_text_lang(coordinator)
        env = request.env(context=dict(request.env.context, lang=lang))
        summary = (
            env._("New wish from %(volunteer)s", volunteer=user.name)
            if kind == "wish"
            else env._("Change reported by %(volunteer)s", volunteer=user.name)
        )
        if kind == "wish":
            # As the user: the Volunteer group may propose a wish, always saved as New.
            name = text.splitlines()[0][:120]
            request.env["aktive.wish"].create(
                {"participant_id": person.id, "name": name, "description": text}
            )
        # sudo: a volunteer cannot write the case, so cannot schedule an activity on it; the
        # activity is the coordinator's to-do (the volunteer cannot read it, row V3).
        person.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=escape(text),
            user_id=coordinator.id or request.env.ref("base.user_admin").id,
        )

    # ------------------------------------------------------------------ profile
    def _aktive_profile_values(self, **values):
        # sudo: the volunteer's own card; area, availability and the declaration dates are
        # coordinator-only fields so that volunteers do not read them of each other.
        partner = request.env.user.partner_id.sudo()
        # The same count as the volunteer's profile in the back office (res_partner_hours.py):
        # the contact log, also of assignments that have ended, and group activities.
        year = fields.Date.context_today(request.env.user).year
        hours = partner._aktive_hours(year).get(partner.id, 0.0)
        all_languages = (
            request.env["res.lang"].with_context(active_test=False).search([], order="name")
        )
        languages = (partner.aktive_language_ids | all_languages.filtered("active")).sorted("name")
        return self._aktive_layout_values(
            "aktive_profile",
            partner=partner,
            interests=request.env["aktive.interest"].search([]),
            # The languages the volunteer speaks are any of the world's (Arabic, Somali...),
            # not only the installed ones: those they have and the installed ones as boxes,
            # the others to add from a list - so a save never drops one not shown.
            languages=languages,
            other_languages=all_languages - languages,
            hours_this_year=hours or 0.0,
            **values,
        )

    @http.route(["/my/aktive/profile"], type="http", auth="user", website=True)
    def aktive_profile(self, saved=None, **kw):
        if not self._aktive_is_volunteer():
            return request.not_found()
        return request.render(
            "aktive_sammen_addon.portal_my_aktive_profile",
            self._aktive_profile_values(saved=saved),
        )

    @http.route(
        ["/my/aktive/profile/save"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        csrf=False,  # checked below, for a clear message on the page
    )
    def aktive_profile_save(self, **post):
        if not self._aktive_is_volunteer():
            return request.not_found()
        errors = self._aktive_csrf_errors(post)
        form = request.httprequest.form

        def ids(name, Model):
            try:
                # an empty value is the list's "add a language" line
                wanted = {int(value) for value in form.getlist(name) if value}
            except ValueError:
                wanted = {0}
            found = Model.search([("id", "in", list(wanted))])
            if len(found) != len(wanted):
                errors.append(request.env._("Choose among the choices shown."))
            return found

        interests = ids("interest_ids", request.env["aktive.interest"])
        languages = ids("language_ids", request.env["res.lang"].with_context(active_test=False))
        area, area_error = self._aktive_text(post.get("area"))
        if area_error or len(area) > 100:
            errors.append(
                request.env._("Area / district: %(error)s", error=area_error)
                if area_error
                else request.env._("The area is too long: at most 100 characters.")
            )
        availability, availability_error = self._aktive_text(post.get("availability"))
        if availability_error:
            errors.append(
                request.env._("When you are available: %(error)s", error=availability_error)
            )
        if not errors:
            # sudo: a portal user may not write contacts; these fields of their own card only.
            request.env.user.partner_id.sudo().write(
                {
                    "aktive_interest_ids": [fields.Command.set(interests.ids)],
                    "aktive_language_ids": [fields.Command.set(languages.ids)],
                    "aktive_area": area,
                    "aktive_availability": availability,
                    "aktive_driving_licence": bool(post.get("driving_licence")),
                    "aktive_has_car": bool(post.get("has_car")),
                }
            )
            return request.redirect("/my/aktive/profile?saved=1")
        response = request.render(
            "aktive_sammen_addon.portal_my_aktive_profile",
            self._aktive_profile_values(errors=errors),
        )
        response.status_code = 400
        return response

    # ------------------------------------------------------------------ contact form PDF
    @http.route(
        ["/my/aktive/person/<int:participant_id>/contact-form"],
        type="http",
        auth="user",
        website=True,
    )
    def aktive_contact_form(self, participant_id, **kw):
        person = self._aktive_person(participant_id)
        if not person:
            return self._aktive_not_found()
        # As the user: the report's own values leave the consent details out for a volunteer.
        pdf, _type = (
            request.env["ir.actions.report"]
            # force_report_rendering: always the PDF asked for (Odoo answers HTML in test mode)
            .with_context(lang=request.env.user.lang, force_report_rendering=True)
            ._render_qweb_pdf("aktive_sammen_addon.action_report_contact_form", person.ids)
        )
        filename = request.env._("Contact form - %(name)s", name=person.name)
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", str(len(pdf))),
                ("Content-Disposition", http.content_disposition(f"{filename}.pdf")),
            ],
        )
