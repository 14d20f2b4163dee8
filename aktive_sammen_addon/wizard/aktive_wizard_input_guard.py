from odoo import models


class AktiveCloseWizard(models.TransientModel):
    """The dialogs are models a JSON-RPC call can create as any other: the same input guard
    (models/aktive_input_guard.py), so that a text with a NUL byte, a participant "abc" or a
    date "abc" gets a message instead of a database error."""

    _name = "aktive.close.wizard"
    _inherit = ["aktive.close.wizard", "aktive.input.guard"]


class AktivePauseWizard(models.TransientModel):
    _name = "aktive.pause.wizard"
    _inherit = ["aktive.pause.wizard", "aktive.input.guard"]


class AktiveAnnualReportWizard(models.TransientModel):
    _name = "aktive.annual.report.wizard"
    _inherit = ["aktive.annual.report.wizard", "aktive.input.guard"]


class AktiveSettings(models.TransientModel):
    _name = "aktive.settings"
    _inherit = ["aktive.settings", "aktive.input.guard"]


class AktiveVolunteerSuggestion(models.TransientModel):
    _name = "aktive.volunteer.suggestion"
    _inherit = ["aktive.volunteer.suggestion", "aktive.input.guard"]


class AktiveVolunteerSuggestionLine(models.TransientModel):
    _name = "aktive.volunteer.suggestion.line"
    _inherit = ["aktive.volunteer.suggestion.line", "aktive.input.guard"]


class AktiveActivitySuggestionLine(models.TransientModel):
    _name = "aktive.activity.suggestion.line"
    _inherit = ["aktive.activity.suggestion.line", "aktive.input.guard"]
