"""Health information stays with the municipality (issue 15, item 6).

The free texts a coordinator or a volunteer writes (life story, interests, adaptations, a
wish's description, a contact log note) warn where they are typed; saving a text with a word
from the company's list of health terms (Configuration > Intervals and retention) shows a
warning, not a block, and a municipal contact person - who alone writes sensitive notes - may
move the sentences with those words into a sensitive note with one button."""

import re

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tools import html2plaintext
from odoo.tools import plaintext2html

from .aktive_groups import CASE_WORKERS
from .aktive_groups import MUNICIPAL

# A term of at least this many letters also finds its inflections ("demens" finds "demensen",
# "medisin" finds "medisiner"); a shorter one only itself ("slag" is not "forslag" or "slags").
PREFIX_MIN_LENGTH = 5
# Bokmål terms a company starts with; the administrator edits the list.
DEFAULT_HEALTH_TERMS = (
    "diagnose, demens, dement, alzheimer, kreft, cellegift, medisin, legemiddel, slag, "
    "hjerneslag, infarkt, hjertesvikt, diabetes, epilepsi, parkinson, kols, astma, "
    "depresjon, depressiv, angst, psykose, schizofreni, bipolar, rus, alkoholiker, sykdom, "
    "syk, syke, sykemelding, sykemeldt, sykmeldt, sykehus, innlagt, operasjon, operert, "
    "tunghørt, hørselstap, døv, blind, svaksynt, lammet, utviklingshemming, autisme, adhd, "
    "lungebetennelse, smerter"
)
# The participant's free texts a municipal contact person may move into a sensitive note.
PARTICIPANT_TEXT_FIELDS = ("life_story", "interests", "adaptations")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def parse_health_terms(text):
    """The terms of a comma- or line-separated list, lower case, each once, in order."""
    terms = []
    for term in re.split(r"[,;\n]", text or ""):
        term = " ".join(term.split()).lower()
        if term and term not in terms:
            terms.append(term)
    return terms


def find_health_terms(text, terms):
    """The terms of ``terms`` that occur in ``text`` as words (see PREFIX_MIN_LENGTH)."""
    if not text or not terms:
        return []
    lowered = text.lower()
    words = re.findall(r"\w+", lowered)
    found = []
    for term in terms:
        if " " in term:
            hit = re.search(r"(?<!\w)" + re.escape(term), lowered)
        elif len(term) >= PREFIX_MIN_LENGTH:
            hit = any(word.startswith(term) for word in words)
        else:
            hit = term in words
        if hit:
            found.append(term)
    return found


class ResCompany(models.Model):
    _inherit = "res.company"

    aktive_health_terms = fields.Text(
        string="Health terms",
        default=DEFAULT_HEALTH_TERMS,
        help="Comma-separated words that point to health information. Saving a free text "
        "with one of them warns that health information belongs in a sensitive note. A word "
        "of five letters or more also finds its inflections (demens: demensen).",
    )

    def _aktive_health_terms(self):
        company = (self or self.env.company).sudo()[:1]
        return parse_health_terms(company.aktive_health_terms)


class AktiveHealthTermsMixin(models.AbstractModel):
    """The warning on the free texts of a model: `_aktive_health_fields` are checked."""

    _name = "aktive.health.terms.mixin"
    _description = "Aktive Sammen: health terms in free texts"

    _aktive_health_fields = ()

    def _aktive_health_terms_found(self, names=None):
        """{field name: [terms]} for the record's free texts that hold a health term."""
        self.ensure_one()
        company = self["company_id"] if "company_id" in self._fields else self.env.company
        terms = (company or self.env.company)._aktive_health_terms()
        found = {}
        for name in names or self._aktive_health_fields:
            value = self[name]
            if self._fields[name].type == "html":
                value = html2plaintext(value or "")
            hits = find_health_terms(value, terms)
            if hits:
                found[name] = hits
        return found

    def _aktive_health_warning(self, names):
        found = self._aktive_health_terms_found(names)
        if not found:
            return None
        words = ", ".join(sorted({term for hits in found.values() for term in hits}))
        if self.env.user.has_group(MUNICIPAL):
            advice = self.env._(
                "Move it into a sensitive note (button «Move to a sensitive note» on the "
                "person's Conversation tab)."
            )
        else:
            advice = self.env._(
                "Health information stays with the municipality: tell the municipal contact "
                "person, who writes it in a sensitive note, and leave it out here."
            )
        return {
            "warning": {
                "title": self.env._("Health information?"),
                "message": self.env._(
                    "This text contains %(words)s. %(advice)s", words=words, advice=advice
                ),
                "type": "notification",
            }
        }


class AktiveParticipant(models.Model):
    _name = "aktive.participant"
    _inherit = ["aktive.participant", "aktive.health.terms.mixin"]

    _aktive_health_fields = PARTICIPANT_TEXT_FIELDS

    health_terms_found = fields.Char(
        string="Health terms found",
        compute="_compute_health_terms_found",
        groups=CASE_WORKERS,
        help="Words of the health terms list in the life story, interests or adaptations.",
    )

    @api.depends(*PARTICIPANT_TEXT_FIELDS, "company_id.aktive_health_terms")
    def _compute_health_terms_found(self):
        for participant in self:
            found = participant._aktive_health_terms_found()
            participant.health_terms_found = ", ".join(
                sorted({term for hits in found.values() for term in hits})
            )

    @api.onchange(*PARTICIPANT_TEXT_FIELDS)
    def _onchange_health_terms(self):
        return self._aktive_health_warning(PARTICIPANT_TEXT_FIELDS)

    def action_move_health_to_sensitive_note(self):
        """Move the sentences with a health term out of the life story, interests and
        adaptations into one new sensitive note (kind health). Only municipal contact persons
        write sensitive notes, so only they may move. A life story keeps its text, one
        paragraph per remaining sentence; its formatting is not kept."""
        if not self.env.su and not self.env.user.has_group(MUNICIPAL):
            raise AccessError(self.env._("Only a municipal contact person writes sensitive notes."))
        notes = self.env["aktive.sensitive.note"]
        for participant in self:
            terms = participant.company_id._aktive_health_terms()
            moved, vals = [], {}
            for name in PARTICIPANT_TEXT_FIELDS:
                field = self._fields[name]
                text = participant[name] or ""
                if field.type == "html":
                    text = html2plaintext(text)
                sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
                health = [s for s in sentences if find_health_terms(s, terms)]
                if not health:
                    continue
                label = field._description_string(self.env)
                moved.append(f"{label}: {' '.join(health)}")
                kept = [s for s in sentences if s not in health]
                if field.type == "html":
                    vals[name] = "".join(plaintext2html(s) for s in kept) or False
                else:
                    vals[name] = " ".join(kept) or False
            if not moved:
                continue
            notes |= notes.create(
                {"participant_id": participant.id, "kind": "health", "note": "\n".join(moved)}
            )
            participant.write(vals)
        if not notes:
            raise UserError(self.env._("No health terms found in the person's free texts."))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Moved into a sensitive note."),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }


class AktiveWish(models.Model):
    _name = "aktive.wish"
    _inherit = ["aktive.wish", "aktive.health.terms.mixin"]

    _aktive_health_fields = ("description",)

    @api.onchange("description")
    def _onchange_health_terms(self):
        return self._aktive_health_warning(self._aktive_health_fields)


class AktiveContactLog(models.Model):
    _name = "aktive.contact.log"
    _inherit = ["aktive.contact.log", "aktive.health.terms.mixin"]

    _aktive_health_fields = ("note",)

    @api.onchange("note")
    def _onchange_health_terms(self):
        return self._aktive_health_warning(self._aktive_health_fields)
