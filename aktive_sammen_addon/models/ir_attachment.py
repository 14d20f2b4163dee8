from odoo import api
from odoo import models
from odoo.fields import Domain

from .aktive_groups import CASE_WORKERS

CASE = "aktive.participant"
WISH = "aktive.wish"


class IrAttachment(models.Model):
    """Files on a case (a referral letter, a scanned consent) are the case workers': like the
    case log, reading them needs write access to the case. Odoo's default - read access to
    the record - would let a volunteer of the case fetch them by id (/web/content/<id>).
    Files on a wish likewise: a volunteer may read the wish, not its files."""

    _inherit = "ir.attachment"

    def _inaccessible_comodel_records(self, model_and_ids, operation):
        if operation == "read" and not self.env.su:
            model_and_ids = dict(model_and_ids)
            if CASE in model_and_ids:
                ids = {i for i in model_and_ids.pop(CASE) if i}
                writable = self.env[CASE].browse(ids)._filtered_access("write")
                yield from ((CASE, i) for i in ids - set(writable.ids))
            if WISH in model_and_ids and not self.env.user.has_groups(CASE_WORKERS):
                yield from ((WISH, i) for i in model_and_ids.pop(WISH) if i)
        yield from super()._inaccessible_comodel_records(model_and_ids, operation)

    @api.model
    def _search(self, domain, *args, **kwargs):
        if not self.env.su and not self.env.user.has_groups(CASE_WORKERS):
            domain = Domain(domain) & Domain("res_model", "not in", [CASE, WISH])
        return super()._search(domain, *args, **kwargs)
