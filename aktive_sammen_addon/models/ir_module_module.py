"""The addon's Apps entry (summary, description) in bokmål stays the one of this version.

Its translations live in i18n_extra/nb.po (made by scripts/readme.py), on the module record
base.module_aktive_sammen_addon. That record is noupdate, and Odoo never overwrites an
existing translation of a noupdate record: after an upgrade that changes the summary or the
README, Apps would still show last version's bokmål. So each install and update drops the
entry's translations (data/ir_module_module_data.xml) before Odoo loads the addon's .po
files again at the end of the update.
"""

from odoo import api
from odoo import models
from odoo.tools import SQL

APPS_ENTRY_FIELDS = ("shortdesc", "summary", "description")


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _aktive_reset_apps_entry_terms(self):
        module = self.env.ref("base.module_aktive_sammen_addon")
        self.env.flush_all()
        for field in APPS_ENTRY_FIELDS:
            # Keep the English source only (jsonb: {"en_US": ...}).
            self.env.cr.execute(
                SQL(
                    "UPDATE ir_module_module SET %(column)s = jsonb_build_object('en_US', "
                    "%(column)s -> 'en_US') WHERE id = %(id)s AND %(column)s IS NOT NULL",
                    column=SQL.identifier(field),
                    id=module.id,
                )
            )
        module.invalidate_recordset(list(APPS_ENTRY_FIELDS))
