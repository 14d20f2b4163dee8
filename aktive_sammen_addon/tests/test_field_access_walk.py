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
