from odoo import api
from odoo import models
from odoo.exceptions import AccessError
from odoo.fields import Domain

# The fields mail.thread and mail.activity.mixin add to a model: the case log, its followers
# and the case workers' activities.
CHATTER_MODELS = ("mail.thread", "mail.activity.mixin")


class AktiveCasePrivacy(models.AbstractModel):
    """What the record rules do not look at, for every model of the addon.

    - Searches on one-to-many and many-to-many fields by id or by emptiness: Odoo evaluates
      ``('network_member_ids', 'in', ids)`` or ``('sensitive_note_ids', '!=', False)`` as
      superuser on the other model, so they answer yes/no about records the user may not
      see. Here they become ``any`` conditions, which apply the other model's rules.
    - The chatter and the activities (``message_ids``, ``activity_ids``, followers and the
      fields derived from them) are the case workers': Odoo lets anyone who reads a record
      search, group and order by them. Here they need the right to write the record - the
      same right the case log needs to be read (see ``aktive.participant``).
    - Field-level write rights: ``_aktive_field_writers`` maps a field to the groups that may
      change it, for the fields whose change moves a case to other people (its contact card,
      its coordinator) - record rules and access rights know only whole records.
    """

    _name = "aktive.case.privacy"
    _description = "Aktive Sammen: privacy beyond the record rules"

    _aktive_field_writers = {}

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if not (self.env.su or kwargs.get("bypass_access")):
            domain = aktive_rule_aware_domain(self, domain)
        return super()._search(domain, offset, limit, order, **kwargs)

    @api.model
    def _has_field_access(self, field, operation):
        if not super()._has_field_access(field, operation):
            return False
        if self.env.su or field.name not in self._aktive_chatter_fields():
            return True
        return self.env["ir.model.access"].check(self._name, "write", raise_exception=False)

    @api.model
    def _check_field_access(self, field, operation):
        if field.groups or self._has_field_access(field, operation):
            return super()._check_field_access(field, operation)
        raise AccessError(
            self.env._(
                "The log and the activities of %(model)s are for those who may change it.",
                model=self._description,
            )
        )

    @api.model
    def _aktive_chatter_fields(self):
        """Names of this model's fields that come from the mail mixins (once per class)."""
        cls = type(self)
        if "_aktive_chatter_names" not in cls.__dict__:
            names = set()
            for mixin in CHATTER_MODELS:
                if mixin in self.pool and isinstance(self, self.pool[mixin]):
                    names.update(self.pool[mixin]._fields)
            names -= {"id", "display_name", *models.MAGIC_COLUMNS}
            cls._aktive_chatter_names = frozenset(names)
        return cls._aktive_chatter_names

    def write(self, vals):
        self._aktive_check_field_writers(vals)
        return super().write(vals)

    def _aktive_check_field_writers(self, vals):
        if self.env.su:
            return
        for name, groups in self._aktive_field_writers.items():
            if name not in vals or self.env.user.has_groups(groups):
                continue
            field = self._fields[name]
            new = field.convert_to_cache(vals[name], self, validate=False)
            if any(
                field.convert_to_cache(record[name], self, validate=False) != new for record in self
            ):
                raise AccessError(
                    self.env._(
                        "You may not change the field %(field)s of %(model)s.",
                        field=field._description_string(self.env),
                        model=self._description,
                    )
                )


def aktive_rule_aware_domain(model, domain, names=None):
    """``domain`` with every condition on a one/many-to-many field of ``model`` (or only the
    fields ``names``) by ids or by emptiness rewritten as an ``any`` condition, so that the
    other model's record rules apply to it ('in ids' -> 'any id in ids', '= False' -> 'not
    any', '!= False' -> 'any'). The first field of every condition is checked for read access
    here, before Odoo turns a computed field into the domain of its search method."""
    domain = Domain(domain)

    def rewrite(condition):
        field = model._fields.get(condition.field_expr.split(".", 1)[0])
        if field is not None and names is None:
            model._check_field_access(field, "read")
        if (
            field is None
            or field.name != condition.field_expr
            or (names and field.name not in names)
            or field.type not in ("one2many", "many2many")
            or not field.store
        ):
            return condition
        operator, value = condition.operator, condition.value
        if operator not in ("=", "!=", "in", "not in"):
            return condition
        if not isinstance(value, (list, tuple, set, frozenset)):
            value = [value]
        if not value or not all(v is False or v is None or isinstance(v, int) for v in value):
            return condition  # a sub-query or a name: Odoo applies the rules to those
        ids = [v for v in value if v]
        positive = operator in ("=", "in")
        if len(ids) < len(value):  # "= False", or False among the ids
            none = Domain(field.name, "not any" if positive else "any", Domain.TRUE)
        else:
            none = None
        some = Domain(field.name, "any" if positive else "not any", Domain("id", "in", ids))
        if not ids:
            return none
        if none is None:
            return some
        return some | none if positive else some & none

    return domain.map_conditions(rewrite)
