"""The pages a volunteer reaches from an SMS or e-mail of the centre: answer a request for
help (yes / no, not this time) and "how is it going?". The link's key (a random token) opens
the page without logging in - many volunteers have no login - and the page shows only what
the message said: the anonymised request, or the question. Plus the volunteer's choice of
channel on their profile (/my/aktive/profile)."""

import re

from odoo import http
from odoo.http import request

from ..models.aktive_groups import VOLUNTEER
from ..models.aktive_volunteer_message import CHANNELS
from ..models.aktive_volunteer_message import CHECKIN_ANSWERS

# What a key looks like (secrets.token_urlsafe(24)): anything else is not found, before the
# database sees it (a NUL byte or a megabyte in a URL).
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


class AktiveVolunteerAnswers(http.Controller):
    def _aktive_by_token(self, model, token):
        if not TOKEN.match(token or ""):
            return request.env[model]
        # sudo: the key in the link is the volunteer's access to this one record.
        return request.env[model].sudo().search([("access_token", "=", token)], limit=1)

    def _aktive_speak(self, partner):
        """The page in the volunteer's language (bokmål by default), whoever opens it: the
        visitor's cookie would give the database's default language."""
        lang = request.env["aktive.volunteer.message"]._aktive_lang(partner)
        request.update_context(lang=lang)

    def _aktive_render(self, template, status=200, **values):
        response = request.render(template, values)
        response.status_code = status
        return response

    # ------------------------------------------------------------------ requests for help
    @http.route(["/my/aktive/request/<string:token>"], type="http", auth="public", website=True)
    def aktive_request(self, token, answered=None, **kw):
        help_request = self._aktive_by_token("aktive.volunteer.request", token)
        if not help_request:
            return request.not_found()
        self._aktive_speak(help_request.partner_id)
        return self._aktive_render(
            "aktive_sammen_addon.portal_aktive_request",
            help_request=help_request,
            token=token,
            answered=answered,
        )

    @http.route(
        ["/my/aktive/request/<string:token>/answer"],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def aktive_request_answer(self, token, answer=None, **post):
        help_request = self._aktive_by_token("aktive.volunteer.request", token)
        if not help_request:
            return request.not_found()
        self._aktive_speak(help_request.partner_id)
        if answer not in ("yes", "no"):
            return self._aktive_render(
                "aktive_sammen_addon.portal_aktive_request",
                status=400,
                help_request=help_request,
                token=token,
                error=request.env._("Choose yes or no."),
            )
        help_request._aktive_answer(answer == "yes")
        return request.redirect(f"/my/aktive/request/{token}?answered={answer}")

    # ------------------------------------------------------------------ how is it going?
    @http.route(["/my/aktive/answer/<string:token>"], type="http", auth="public", website=True)
    def aktive_checkin(self, token, answered=None, **kw):
        message = self._aktive_by_token("aktive.volunteer.message", token)
        if not message or message.kind != "checkin":
            return request.not_found()
        self._aktive_speak(message.partner_id)
        return self._aktive_render(
            "aktive_sammen_addon.portal_aktive_checkin",
            message=message,
            token=token,
            answers=CHECKIN_ANSWERS,
            answered=answered,
        )

    @http.route(
        ["/my/aktive/answer/<string:token>/save"],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def aktive_checkin_save(self, token, answer=None, **post):
        message = self._aktive_by_token("aktive.volunteer.message", token)
        if not message or message.kind != "checkin":
            return request.not_found()
        self._aktive_speak(message.partner_id)
        if answer not in dict(CHECKIN_ANSWERS):
            return self._aktive_render(
                "aktive_sammen_addon.portal_aktive_checkin",
                status=400,
                message=message,
                token=token,
                answers=CHECKIN_ANSWERS,
                error=request.env._("Choose one of the answers."),
            )
        if not message.checkin_answer:
            message._aktive_answer_checkin(answer)
        return request.redirect(f"/my/aktive/answer/{token}?answered=1")

    # ------------------------------------------------------------------ the channel
    @http.route(
        ["/my/aktive/profile/messages"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def aktive_profile_messages(self, channel=None, **post):
        if not request.env.user._has_group(VOLUNTEER):
            return request.not_found()
        if channel not in dict(CHANNELS):
            return request.redirect("/my/aktive/profile")
        # sudo: a portal user may not write contacts; this one field of their own card.
        request.env.user.partner_id.sudo().aktive_message_channel = channel
        return request.redirect("/my/aktive/profile?saved=1")
