from collections.abc import Collection

from odoo import api
from odoo import models
from odoo.exceptions import AccessError
from odoo.fields import Domain

# The fields mail.thread and mail.activity.mixin add to a model: the case log, its followers
# and the case workers' activities.
CHATTER_MODELS = ("mail.thread", "mail.activity.mixin")
# Context key of the retention run (models/aktive_participant_privacy.py): it lets the
# history guards of unlink pass, and is honoured for the superuser only (_aktive_in_retention).
RETENTION_KEY = "aktive_retention"


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
    - A case's records stay on their case: ``_aktive_case_field`` names the field of a child
      record (a wish, a note, a log entry ...) that points to its case. It is given on create
      and never changed after (only the superuser moves a record), and the record's stored
      company is the case's: a company given from outside is refused when it differs.
    - Fields only the model's own processes write (``_aktive_process_fields``: the step move,
      closing, the retention run): no user gives them, on create or on write; those processes
      write them as superuser. ``_aktive_created_as`` names the only value a user may create a
      record with (a case is created active).
    - Context keys relax nothing: a ``default_<field>`` key counts as the value given, and the
      retention key is honoured for the superuser only.
    """

    _name = "aktive.case.privacy"
    _description = "Aktive Sammen: privacy beyond the record rules"

    _aktive_field_writers = {}
    _aktive_case_field = None
    _aktive_process_fields = ()
    _aktive_created_as = {}

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

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._aktive_check_created_vals(vals_list)
        if self._aktive_case_field:
            self, vals_list = self._aktive_case_company_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._aktive_check_field_writers(vals)
        self._aktive_check_case_vals(vals)
        return super().write(vals)

    def _aktive_check_field_writers(self, vals):
        if self.env.su:
            return
        process = set(self._aktive_process_fields)
        for name in vals.keys() & (self._aktive_field_writers.keys() | process):
            if name not in process and self.env.user.has_groups(self._aktive_field_writers[name]):
                continue
            field = self._fields[name]
            new = field.convert_to_cache(vals[name], self, validate=False)
            if any(
                field.convert_to_cache(record[name], self, validate=False) != new for record in self
            ):
                raise AccessError(self._aktive_refusal(name))

    def _aktive_refusal(self, name):
        field = self._fields[name]._description_string(self.env)
        if name in self._aktive_process_fields:
            return self.env._(
                "The field %(field)s of %(model)s is set by the application (moving the step, "
                "closing, the retention period), not by hand.",
                field=field,
                model=self._description,
            )
        return self.env._(
            "You may not change the field %(field)s of %(model)s.",
            field=field,
            model=self._description,
        )

    # --- what a user may not give on create -------------------------------------------------
    def _aktive_given_defaults(self, names):
        """{name: value} of the ``default_<name>`` context keys among `names`: a default from
        the context is a value given by the caller like any other."""
        context = self.env.context
        return {name: context[f"default_{name}"] for name in names if f"default_{name}" in context}

    @api.model
    def _aktive_check_created_vals(self, vals_list):
        """Process fields are created empty, and the fields of ``_aktive_created_as`` with
        their one value (a case is created active)."""
        names = set(self._aktive_process_fields) | self._aktive_created_as.keys()
        if not names:
            return
        defaults = self._aktive_given_defaults(names)
        for vals in vals_list:
            given = {**defaults, **{n: vals[n] for n in names if n in vals}}
            for name, value in given.items():
                expected = self._aktive_created_as.get(name, False)
                if bool(value) != bool(expected):
                    raise AccessError(self._aktive_refusal(name))

    # --- a case's records stay on their case --------------------------------------------------
    @api.model
    def _aktive_case_company_vals(self, vals_list):
        """(model, vals_list) with the company left to the case: a company given on create
        (in the values or as ``default_company_id``) that is not the case's is refused, and
        the stored company is always computed from the case."""
        case_field = self._aktive_case_field
        defaults = self._aktive_given_defaults(["company_id"])
        given = [vals.get("company_id", defaults.get("company_id")) for vals in vals_list]
        if any(given):
            # sudo: only the company of the cases named, to compare; the record rules check
            # the new records as the user.
            cases = self.env[self._fields[case_field].comodel_name].sudo()
            for vals, company in zip(vals_list, given, strict=True):
                case = cases.browse(vals.get(case_field))
                if company and case.exists() and case.company_id.id != company:
                    raise AccessError(
                        self.env._(
                            "%(model)s: the company is the case's, it cannot be given.",
                            model=self._description,
                        )
                    )
        if defaults:
            # A whole new context: dropping a key cannot be said with keyword arguments.
            context = {k: v for k, v in self.env.context.items() if k != "default_company_id"}
            self = self.with_context(context)  # pylint: disable=context-overridden
        return self, [{k: v for k, v in vals.items() if k != "company_id"} for vals in vals_list]

    def _aktive_check_case_vals(self, vals):
        """A record stays on its case (the superuser may move it), and its stored company is
        the case's: neither is written from outside."""
        case_field = self._aktive_case_field
        if not case_field or self.env.su:
            return
        for name in (case_field, "company_id"):
            if name not in vals:
                continue
            field = self._fields[name]
            new = field.convert_to_cache(vals[name], self, validate=False)
            if any(
                field.convert_to_cache(record[name], self, validate=False) != new for record in self
            ):
                raise AccessError(
                    self.env._(
                        "%(model)s: a record of a case stays on its case and in its company, "
                        "it cannot be moved.",
                        model=self._description,
                    )
                )

    def _aktive_in_retention(self):
        """Whether the retention run deletes these records: its context key, for the
        superuser only (any caller can set a context key over JSON-RPC)."""
        return self.env.su and bool(self.env.context.get(RETENTION_KEY))


def aktive_rule_aware_domain(model, domain, names=None):
    """``domain`` with every condition that would answer about records the user may not see
    made to apply their model's record rules, and every field it names checked for read
    access (here, before Odoo turns a computed field into the domain of its search method).

    - A condition on a one/many-to-many field of ``model`` (or only on the fields ``names``)
      by ids or by emptiness becomes an ``any`` condition: 'in ids' -> 'any id in ids',
      '= False' -> 'not any', '!= False' -> 'any'; ``=?``, ``child_of`` and ``parent_of``
      likewise. Odoo evaluates those as superuser on the other model.
    - A path ``a.b.c`` becomes ``a any [b any [c ...]]`` (what Odoo makes of it too), and
      the sub-domain of an ``any`` is rewritten for the other model the same way: Odoo
      optimizes the inner conditions before the other model's ``_search`` sees them, so
      that search alone could not rewrite them (nor check the fields of a search method).
      Every field after the first is checked too, on whichever model: a search method
      (the followers') may search the rest of the path as superuser.
    - Which one/many-to-many fields of another model reached by a path are rewritten: all
      of the addon's models', the ``_aktive_rule_aware_fields`` of a core model (the
      contact's cases), none of other core models'.
    """
    return _rule_aware(model, Domain(domain), names)


def _rule_aware_names(model):
    """The fields of ``model`` the rewrite looks at: None for all of them."""
    if isinstance(model, model.pool["aktive.case.privacy"]):
        return None
    return getattr(model, "_aktive_rule_aware_fields", ())


def _rule_aware(model, domain, names, check_all=False):
    return domain.map_conditions(
        lambda condition: _rule_aware_condition(model, condition, names, check_all)
    )


def _rule_aware_condition(model, condition, names, check_all):
    name, _dot, rest = condition.field_expr.partition(".")
    field = model._fields.get(name)
    if field is None:
        return condition  # Odoo raises its own error
    watched = names is None or name in names
    if watched or check_all:
        model._check_field_access(field, "read")
    if not field.relational:
        return condition
    operator, value = condition.operator, condition.value
    if field.inherited:
        # a field of the parent (a user's contact card): Odoo searches it on the parent
        # bypassing its access rights, the rewrite follows it there
        parent = field.related.split(".", 1)[0]
        inner = Domain(condition.field_expr, operator, value)
        return _rule_aware_sub(model, condition, parent, "any", inner)
    if rest:
        return _rule_aware_sub(model, condition, name, "any", Domain(rest, operator, value))
    if operator in ("any", "not any") and isinstance(value, (Domain, list, tuple)):
        return _rule_aware_sub(model, condition, name, operator, Domain(value))
    if not watched or field.type not in ("one2many", "many2many") or not field.store:
        return condition
    return _rule_aware_x2many(condition, field)


def _rule_aware_sub(model, condition, name, operator, inner):
    """``name operator inner`` with ``inner`` rewritten on the other model; ``condition``
    itself when nothing in it changed (a path on a core model stays as Odoo has it)."""
    comodel = model.env[model._fields[name].comodel_name]
    rewritten = _rule_aware(comodel, inner, _rule_aware_names(comodel), check_all=True)
    if rewritten == inner:
        return condition  # what Odoo makes of it is the same
    return Domain(name, operator, rewritten)


def _rule_aware_x2many(condition, field):
    """A condition on the one/many-to-many ``field`` by ids, by emptiness or by hierarchy,
    as ``any`` conditions the other model's record rules apply to."""
    operator, value = condition.operator, condition.value
    if operator in ("child_of", "parent_of"):
        return Domain(field.name, "any", Domain("id", operator, value))
    if operator == "=?":
        if value is None or value is False:
            return Domain.TRUE
        operator = "="
    if operator not in ("=", "!=", "in", "not in"):
        return condition
    if isinstance(value, (str, bytes)) or not isinstance(value, Collection):
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
