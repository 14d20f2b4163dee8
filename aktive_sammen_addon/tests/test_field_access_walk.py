"""Every field of every model of the addon, for every role, without a list to keep up to date
(issue 14): a field the role may not read can be neither searched, grouped nor ordered by
(nor reached through a dotted path such as ``message_ids.body``); a one/many-to-many field
it may read answers only about the records the role may see; and a field it may read is not
computed from one it may not (a derived field). A new field is covered by the next run."""

from odoo.exceptions import AccessError
from odoo.models import MAGIC_COLUMNS
from odoo.tests import tagged

from .test_access_rights import AccessCase

# Field types a search "field != False" makes no sense for.
UNSEARCHABLE = ("properties", "properties_definition", "json", "binary")
# The contact is a core model: walk only the fields the addon puts on it.
PARTNER_PREFIXES = ("aktive_", "is_aktive_")


@tagged("post_install", "-at_install")
class TestFieldAccessWalk(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        staff = cls.new_staff_volunteer("walk_staff_volunteer")
        cls.walk_roles = dict(cls.roles, staff_volunteer=staff)
        cls.participant.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call the GP", user_id=cls.coordinator.id
        )

    def _models(self):
        for name in sorted(self.env):
            model = self.env[name]
            if name.startswith("aktive.") and not model._abstract and not model._transient:
                yield name, [f for f in model._fields if f not in MAGIC_COLUMNS and f != "id"]
        partner = self.env["res.partner"]
        yield "res.partner", [f for f in partner._fields if f.startswith(PARTNER_PREFIXES)]

    def _walk(self, check):
        """check(role, Model, field) for every role, model the role may read, and field."""
        checked = 0
        for role, user in self.walk_roles.items():
            for model_name, names in self._models():
                Model = self.env[model_name].with_user(user)
                if not Model.has_access("read"):
                    with self.subTest(role=role, model=model_name):
                        with self.assertDenied(role, model_name, "search", "acl"):
                            Model.search([])
                    continue
                for name in names:
                    with self.subTest(role=role, model=model_name, field=name):
                        checked += check(role, Model, Model._fields[name])
        return checked

    def _readable(self, Model, field):
        return Model._has_field_access(field, "read")

    def test_walk_hidden_fields_cannot_be_searched_grouped_or_ordered(self):
        def check(role, Model, field):
            if self._readable(Model, field):
                return 0
            self.env.invalidate_all()
            denied = 0
            if field.type not in UNSEARCHABLE and (field.store or field.search):
                with self.assertDenied(role, Model._name, "search", "search-oracle"):
                    Model.search([(field.name, "!=", False)])
                denied += 1
            if field.relational and field.store:
                with self.assertDenied(role, Model._name, "search path", "search-oracle"):
                    Model.search([(f"{field.name}.id", "!=", False)])
                denied += 1
            if field.store and field.column_type and field.type not in UNSEARCHABLE:
                with self.assertDenied(role, Model._name, "group by", "search-oracle"):
                    Model.formatted_read_group([], [field.name], ["__count"])
                with self.assertDenied(role, Model._name, "order", "search-oracle"):
                    Model.search([], order=field.name)
                denied += 2
            self.assertNotIn(field.name, Model.fields_get())
            record = Model.search([], limit=1)
            if record:
                with self.assertDenied(role, Model._name, "read", "field"):
                    record.read([field.name])
                denied += 1
            return denied

        self.assertGreaterEqual(self._walk(check), 300)

    def test_walk_readable_relations_hide_what_the_role_cannot_see(self):
        """'in hidden ids' finds nothing, '!= False' only counts visible records."""

        def check(role, Model, field):
            if not (
                field.type in ("one2many", "many2many")
                and field.store
                and self._readable(Model, field)
            ):
                return 0
            Comodel = Model.env[field.comodel_name].with_context(active_test=False)
            everything = Comodel.sudo().search([])
            visible = Comodel.search([]) if Comodel.has_access("read") else Comodel.browse()
            hidden = (everything - visible).ids[:200]
            self.env.invalidate_all()
            try:
                found = Model.with_context(active_test=False).search([(field.name, "in", hidden)])
            except AccessError:
                found = Model.browse()
            if hidden:
                self.assertNothingFound(found, role, Model._name, "search by id", "search-oracle")
            records = Model.with_context(active_test=False).search([])
            expected = records.filtered(
                lambda r: Comodel.browse(r.sudo()[field.name].ids) & visible
            )
            try:
                with_any = Model.with_context(active_test=False).search([(field.name, "!=", False)])
            except AccessError:
                with_any = Model.browse()
            self.assertEqual(with_any, expected, f"{field.name} != False")
            return 1 + bool(hidden)

        self.assertGreaterEqual(self._walk(check), 60)

    def _targets(self, role, Comodel):
        """What a path into Comodel could give away to the role (once per role and model):
        the fields it may not read, and the one/many-to-many fields it may read whose
        records it may not all see, each with the hidden ids and the visible records."""
        key = (role, Comodel._name)
        if key in self._target_cache:
            return self._target_cache[key]
        names = dict(self._models()).get(Comodel._name, ())
        hidden_fields, relations = [], []
        for name in names:
            field = Comodel._fields[name]
            if not self._readable(Comodel, field):
                if field.type not in UNSEARCHABLE and (field.store or field.search):
                    hidden_fields.append(name)
            elif field.type in ("one2many", "many2many") and field.store:
                Target = Comodel.env[field.comodel_name].with_context(active_test=False)
                visible = Target.search([]) if Target.has_access("read") else Target.browse()
                hidden = (Target.sudo().search([]) - visible).ids[:200]
                if hidden:
                    relations.append((name, hidden, visible))
        self._target_cache[key] = hidden_fields, relations
        return hidden_fields, relations

    def _visible(self, role, Model):
        key = (role, Model._name, "visible")
        if key not in self._target_cache:
            self._target_cache[key] = Model.with_context(active_test=False).search([])
        return self._target_cache[key]

    def test_walk_paths_through_relations(self):
        """Two steps: through each relational field the role may read, into a field of the
        other model it may not read (refused, as the field itself is) or a one/many-to-many
        field holding records it may not see (answers only about those it may)."""
        self._target_cache = {}
        walked = dict(self._models())
        covered = set()

        def check(role, Model, field):
            if not (field.relational and field.comodel_name in walked):
                return 0
            if not (self._readable(Model, field) and (field.store or field.search)):
                return 0
            Model = Model.with_context(active_test=False)
            Comodel = Model.env[field.comodel_name]
            if not Comodel.has_access("read"):
                return 0  # the walk's first test: no search on it at all
            hidden_fields, relations = self._targets(role, Comodel)
            checked = 0
            # Each relational field into one hidden field, each hidden field once per role
            # (a refusal costs Odoo ~20 ms to word: all pairs would take minutes).
            for index, name in enumerate(hidden_fields):
                if index and (role, Comodel._name, name) in covered:
                    continue
                covered.add((role, Comodel._name, name))
                with self.assertDenied(role, Model._name, "search path", "search-oracle"):
                    Model.search([(f"{field.name}.{name}", "!=", False)])
                checked += 1
                if not index:
                    with self.assertDenied(role, Model._name, "search path", "search-oracle"):
                        Model.search([(field.name, "any", [(name, "!=", False)])])
                    checked += 1
            if not relations:
                return checked
            records = self._visible(role, Model)
            visible_steps = self._visible(role, Comodel)
            for name, hidden, visible in relations:
                path = f"{field.name}.{name}"
                found = Model.search([(path, "in", hidden)])
                self.assertNothingFound(found, role, Model._name, "search path", "search-oracle")
                expected = records.filtered(
                    lambda r, name=name, visible=visible: (
                        visible
                        & visible.browse(
                            (visible_steps & Comodel.browse(r.sudo()[field.name].ids))
                            .sudo()[name]
                            .ids
                        )
                    )
                )
                self.assertEqual(Model.search([(path, "!=", False)]), expected, path)
                checked += 2
            return checked

        self.assertGreaterEqual(self._walk(check), 300)

    def test_walk_readable_fields_are_not_derived_from_hidden_ones(self):
        def hidden_step(Model, path):
            """The first field on `path` (from Model) the user may not read, else None."""
            for name in path.split("."):
                field = Model._fields.get(name)
                if field is None:
                    return None
                if not self._readable(Model, field):
                    return f"{Model._name}.{name}"
                if not field.relational:
                    return None
                Model = Model.env[field.comodel_name]
                if not Model.has_access("read"):
                    return f"{Model._name} (no access)"
            return None

        def check(role, Model, field):
            if not self._readable(Model, field) or not (field.compute or field.related):
                return 0
            for path in Model.pool.field_depends.get(field, ()):
                leak = hidden_step(Model, path)
                self.assertIsNone(leak, f"{field.name} is derived from {leak} ({path})")
            return 1

        self.assertGreaterEqual(self._walk(check), 100)
